/**
 * Chapter 5.5 (content/docs/en/networking/ingress.mdx) in the ingress scenario: the console
 * blocks, and the page's curl commands answered through ingress-nginx. Error pages are nginx's
 * built-ins (src/http/ngx_http_special_response.c, CRLF lines, "nginx" without version since
 * ingress-nginx sets server_tokens off); curl messages are curl 8.5's (lib/connect.c
 * "Failed to connect to %s port %u after %ld ms: %s", lib/strerror.c "Could not resolve host").
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';
import { netTrace } from '../../../../src/sim/net/trace.ts';

const NOT_FOUND = '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

// The page's console blocks are checked with every other page's in tests/unit/content/console-outputs.test.ts.

describe('curl through ingress-nginx', () => {
  it('no Ingress: the controller answers 404 with its built-in page (146 bytes)', () => {
    const sim = createSimulator({ scenario: 'ingress' });
    const r = sim.run('curl -i http://node01:30080/wear');
    expect(r.stdout).toBe(`HTTP/1.1 404 Not Found\r\nDate: Wed, 25 Nov 2026 09:00:00 GMT\r\nContent-Type: text/html\r\nContent-Length: 146\r\nConnection: keep-alive\r\n\r\n${NOT_FOUND}`);
    expect(NOT_FOUND.length).toBe(146);
  });
  it('path rules route /wear and /watch to their Services; the trace names rule, Service and Pod', () => {
    const sim = createSimulator({ scenario: 'ingress' });
    sim.run('kubectl apply -f Ingress-wear-watch.yaml');
    const wear = sim.run('curl http://node01:30080/wear');
    expect(wear.stdout).toMatch(/^Server address: 10\.244\.\d+\.\d+:80\nServer name: wear-[a-z0-9]+-[a-z0-9]{5}\nDate: 25\/Nov\/2026:09:00:00 \+0000\nURI: \/wear\nRequest ID: [0-9a-f]{32}\n$/);
    expect(netTrace(sim.world).lastRoute).toMatchObject({ ingress: 'default/ingress-wear-watch', rule: { path: '/wear', pathType: 'Prefix' }, service: 'default/wear-service', status: 200 });
    expect(sim.run('curl -s http://192.168.121.12:30080/watch/tv').stdout).toMatch(/Server name: watch-.*\nDate: .*\nURI: \/watch\/tv\n/);
    expect(sim.run('curl -s http://node01:30080/wearable').stdout).toBe(NOT_FOUND);
  });
  it('host rules route on the Host header', () => {
    const sim = createSimulator({ scenario: 'ingress' });
    sim.run('kubectl apply -f Ingress-wear-watch-hosts.yaml');
    expect(sim.run("curl -H 'Host: watch.my-online-store.com' http://node01:30080/").stdout).toMatch(/Server name: watch-/);
    expect(sim.run("curl -H 'Host: wear.my-online-store.com' http://node01:30080/").stdout).toMatch(/Server name: wear-/);
    expect(sim.run('curl http://node01:30080/').stdout).toBe(NOT_FOUND);
  });
  it('a backend without endpoints gives 503 Service Temporarily Unavailable', () => {
    const sim = createSimulator({ scenario: 'ingress' });
    sim.run('kubectl apply -f Ingress-wear.yaml');
    sim.run('kubectl scale deployment wear --replicas=0');
    const r = sim.run('curl -si http://node01:30080/');
    expect(r.stdout).toBe(
      'HTTP/1.1 503 Service Temporarily Unavailable\r\nDate: Wed, 25 Nov 2026 09:00:00 GMT\r\nContent-Type: text/html\r\nContent-Length: 190\r\nConnection: keep-alive\r\n\r\n' +
        '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
    );
  });
  it('curl errors: unknown host (6), closed port (7), -s silences them, -sS shows them', () => {
    const sim = createSimulator({ scenario: 'ingress' });
    expect(sim.run('curl http://wear.my-online-store.com/')).toEqual({ stdout: '', stderr: 'curl: (6) Could not resolve host: wear.my-online-store.com\n', exitCode: 6 });
    expect(sim.run('curl http://node01:8080/')).toEqual({ stdout: '', stderr: "curl: (7) Failed to connect to node01 port 8080 after 0 ms: Couldn't connect to server\n", exitCode: 7 });
    expect(sim.run('curl -s http://node01:8080/')).toEqual({ stdout: '', stderr: '', exitCode: 7 });
    expect(sim.run('curl -sS http://node01:8080/').stderr).toMatch(/^curl: \(7\)/);
  });
  it('https on 30443 uses the controller’s self-signed certificate: -k needed', () => {
    const sim = createSimulator({ scenario: 'ingress' });
    sim.run('kubectl apply -f Ingress-wear.yaml');
    expect(sim.run('curl https://node01:30443/').stderr).toMatch(/^curl: \(60\) SSL certificate problem: self-signed certificate\n/);
    expect(sim.run('curl -k https://node01:30443/').stdout).toMatch(/Server name: wear-/);
  });
  it('a nginx backend reached by ClusterIP shows the welcome page with nginx headers', () => {
    const sim = createSimulator({ scenario: 'dns' });
    const r = sim.run('curl -I http://10.104.33.21/');
    expect(r.stdout).toBe(
      'HTTP/1.1 200 OK\r\nServer: nginx/1.29.3\r\nDate: Wed, 25 Nov 2026 09:00:00 GMT\r\nContent-Type: text/html\r\nContent-Length: 615\r\nLast-Modified: Tue, 28 Oct 2025 13:38:37 GMT\r\nConnection: keep-alive\r\nETag: "6900c75d-267"\r\nAccept-Ranges: bytes\r\n\r\n',
    );
  });
});
