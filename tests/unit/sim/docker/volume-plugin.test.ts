/**
 * A volume whose driver plugin is not installed: the daemon refuses to create it (moby
 * volume/drivers: `error looking up volume plugin NAME: plugin "NAME" not found`), and the CLI
 * prints it as `docker: …` with exit 125 (docker/cli container/run.go).
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';

const ERROR = 'docker: Error response from daemon: create ebs-vol: error looking up volume plugin rexray/ebs: plugin "rexray/ebs" not found.\nSee \'docker run --help\'.\n';

describe('docker run with a volume plugin that is not installed', () => {
  it('fails for --mount volume-driver=', () => {
    const sim = createSimulator({ scenario: 'docker-volumes' });
    const r = sim.run('docker run -it --name mysql -e MYSQL_ROOT_PASSWORD=secret --mount type=volume,volume-driver=rexray/ebs,src=ebs-vol,target=/var/lib/mysql mysql');
    expect(r).toEqual({ stdout: '', stderr: ERROR, exitCode: 125 });
    expect(sim.run('docker volume ls -q').stdout).not.toContain('ebs-vol');
  });

  it('fails for --volume-driver with -v', () => {
    const sim = createSimulator({ scenario: 'docker-volumes' });
    const r = sim.run('docker run -d --volume-driver rexray/ebs -v ebs-vol:/var/lib/mysql -e MYSQL_ROOT_PASSWORD=secret mysql');
    expect(r).toEqual({ stdout: '', stderr: ERROR, exitCode: 125 });
  });
});
