/**
 * Docker volumes (chapter 4) in the docker-volumes scenario. Layouts: the CLI's tabwriter
 * (minwidth 10, padding 3: cli/command/formatter), `docker ps` COMMAND quoted and cut to 20
 * runes with "…" (formatter.Ellipsis), `volume inspect` as json.MarshalIndent with 4 spaces
 * (cli/command/inspect); messages from moby (daemon/volumes, volume/mounts/validate.go
 * "bind source path does not exist") reported by the CLI as "docker: <err>.\nSee 'docker run --help'.";
 * the mysql entrypoint's error from docker-library/mysql docker-entrypoint.sh.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';

describe('docker volumes', () => {
  it('volume create, ls and inspect', () => {
    const sim = createSimulator({ scenario: 'docker-volumes' });
    expect(sim.run('docker volume create data_volume').stdout).toBe('data_volume\n');
    expect(sim.run('docker volume ls').stdout).toBe('DRIVER    VOLUME NAME\nlocal     data_volume\n');
    expect(sim.run('docker volume inspect data_volume').stdout).toBe(
      '[\n    {\n        "CreatedAt": "2026-11-25T09:00:00Z",\n        "Driver": "local",\n        "Labels": null,\n        "Mountpoint": "/var/lib/docker/volumes/data_volume/_data",\n        "Name": "data_volume",\n        "Options": null,\n        "Scope": "local"\n    }\n]\n',
    );
    expect(sim.run('docker volume inspect nope')).toEqual({ stdout: '[]\n', stderr: 'Error response from daemon: get nope: no such volume\n', exitCode: 1 });
  });
  it('mysql writes its data into the named volume, which outlives the container', () => {
    const sim = createSimulator({ scenario: 'docker-volumes' });
    const id = sim.run('docker run -d --name mysql-db -e MYSQL_ROOT_PASSWORD=secret -v data_volume:/var/lib/mysql mysql').stdout;
    expect(id).toMatch(/^[0-9a-f]{64}\n$/);
    expect(sim.run('ls /var/lib/docker/volumes/data_volume/_data').stdout).toContain('ibdata1');
    sim.run('docker exec mysql-db sh -c "echo hello > /var/lib/mysql/note.txt"');
    expect(sim.run('cat /var/lib/docker/volumes/data_volume/_data/note.txt').stdout).toBe('hello\n');
    expect(sim.run('docker volume rm data_volume').stderr).toBe(`Error response from daemon: remove data_volume: volume is in use - [${id.trim()}]\n`);
    expect(sim.run('docker rm mysql-db').stderr).toBe('Error response from daemon: cannot remove container "/mysql-db": container is running: stop the container before removing or force remove\n');
    expect(sim.run('docker rm -f mysql-db').stdout).toBe('mysql-db\n');
    sim.run('docker run -d --name again -v data_volume:/var/lib/mysql mysql');
    // Already initialised: no password needed, the old file is there.
    expect(sim.run('docker exec again cat /var/lib/mysql/note.txt').stdout).toBe('hello\n');
    expect(sim.run('docker logs again').stdout).toContain('Database files already initialized');
  });
  it('--mount type=bind needs an existing source; -v creates it', () => {
    const sim = createSimulator({ scenario: 'docker-volumes' });
    expect(sim.run('docker run -d -e MYSQL_ROOT_PASSWORD=x --mount type=bind,source=/data/mysql,target=/var/lib/mysql mysql')).toEqual({
      stdout: '',
      stderr: 'docker: Error response from daemon: invalid mount config for type "bind": bind source path does not exist: /data/mysql.\nSee \'docker run --help\'.\n',
      exitCode: 125,
    });
    sim.run('mkdir -p /data/mysql');
    expect(sim.run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=x --mount type=bind,source=/data/mysql,target=/var/lib/mysql mysql').exitCode).toBe(0);
    expect(sim.run('ls /data/mysql').stdout).toContain('mysql.ibd');
    expect(sim.run("docker inspect -f '{{json .Mounts}}' db").stdout).toBe('[{"Type":"bind","Source":"/data/mysql","Destination":"/var/lib/mysql","Mode":"","RW":true,"Propagation":"rprivate"}]\n');
    expect(sim.run('docker run -d --name db2 -e MYSQL_ROOT_PASSWORD=x -v /data/other:/var/lib/mysql mysql').exitCode).toBe(0);
    expect(sim.run('ls /data/other').stdout).toContain('ibdata1');
  });
  it('mysql without a root password exits; docker logs shows the entrypoint’s error; ps -a shows it Exited (1)', () => {
    const sim = createSimulator({ scenario: 'docker-volumes' });
    sim.run('docker run -d --name db mysql');
    expect(sim.run('docker logs db').stdout).toContain('[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n');
    expect(sim.run('docker ps').stdout).toBe('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
    sim.run('sleep 5');
    const ps = sim.run('docker ps -a').stdout.split('\n');
    expect(ps[0]).toBe('CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS                     PORTS     NAMES');
    expect(ps[1]).toMatch(/^[0-9a-f]{12}   mysql     "docker-entrypoint\.s…"   5 seconds ago   Exited \(1\) 5 seconds ago             db$/);
  });
  it('hosts without Docker get Ubuntu’s command-not-found text', () => {
    const sim = createSimulator({ scenario: 'docker-volumes' });
    sim.run('ssh node01');
    const r = sim.run('docker ps');
    expect(r.exitCode).toBe(127);
    expect(r.stderr).toMatch(/^Command 'docker' not found, but can be installed with:\n/);
  });
});
