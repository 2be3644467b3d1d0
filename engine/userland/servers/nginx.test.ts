/**
 * nginx in the bundled nginx images, run as `docker run nginx` runs it.
 * Expected texts are nginx 1.27.2's (ngx_http_special_response.c,
 * ngx_http_header_filter_module.c, ngx_process_cycle.c, ngx_conf_file.c)
 * and what the real image logs.
 */
import { describe, expect, it } from 'vitest';
import { nodePlatform } from '../../platform/node/index.ts';
import { testbed, type RunningContainer } from '../../../test/support/testbed.ts';

const normal = (log: string) =>
  log
    .replace(/\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d/g, '<time>')
    .replace(/\[\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d \+0000\]/g, '[<time>]')
    .replace(/Date: .* GMT/g, 'Date: <date>');

const ENTRYPOINT_LOG = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
];

async function started(tag = 'latest', cmd?: string[]): Promise<RunningContainer> {
  const bed = await testbed(nodePlatform(), 'nginx', tag);
  const c = await bed.run(cmd);
  await c.waitForLog(/start worker process \d+\n(.*\n)*.*start worker process \d+\n/);
  return c;
}

const PAGE_404 = '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.2</center>\r\n</body>\r\n</html>\r\n';

describe('nginx', () => {
  it('starts, serves the welcome page and stops on SIGQUIT as the image does', async () => {
    const c = await started();
    const lines = normal(c.logs()).split('\n');
    expect(lines.slice(0, 3)).toEqual(ENTRYPOINT_LOG);
    const workers = [...c.logs().matchAll(/start worker process (\d+)/g)].map((m) => m[1]!);
    expect(workers).toHaveLength(2); // worker_processes auto: the kernel reports 2 CPUs
    expect(lines.slice(-10)).toEqual([
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      '<time> [notice] 1#1: using the "epoll" event method',
      '<time> [notice] 1#1: nginx/1.27.2',
      '<time> [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) ',
      expect.stringMatching(/^<time> \[notice\] 1#1: OS: Linux \S+$/),
      '<time> [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
      '<time> [notice] 1#1: start worker processes',
      `<time> [notice] 1#1: start worker process ${workers[0]}`,
      `<time> [notice] 1#1: start worker process ${workers[1]}`,
      '',
    ]);

    const page = await c.exec(['curl', '-si', 'http://localhost/']);
    expect(normal(page.out)).toMatch(
      /^HTTP\/1\.1 200 OK\r\nServer: nginx\/1\.27\.2\r\nDate: <date>\r\nContent-Type: text\/html\r\nContent-Length: 615\r\nLast-Modified: \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT\r\nConnection: keep-alive\r\nETag: "[0-9a-f]{8}-267"\r\nAccept-Ranges: bytes\r\n\r\n<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!<\/title>/,
    );
    const head = await c.exec(['curl', '-sI', 'http://localhost/index.html']);
    expect(head.out).toContain('Content-Length: 615\r\n');
    expect(head.out.endsWith('\r\n\r\n')).toBe(true);
    const missing = await c.exec(['curl', '-si', 'http://localhost/nope']);
    expect(normal(missing.out)).toBe(`HTTP/1.1 404 Not Found\r\nServer: nginx/1.27.2\r\nDate: <date>\r\nContent-Type: text/html\r\nContent-Length: 153\r\nConnection: keep-alive\r\n\r\n${PAGE_404}`);
    const log = normal(c.logs());
    expect(log).toContain('127.0.0.1 - - [<time>] "GET / HTTP/1.1" 200 615 "-" "curl/8.10.1" "-"\n');
    expect(log).toContain('127.0.0.1 - - [<time>] "HEAD /index.html HTTP/1.1" 200 0 "-" "curl/8.10.1" "-"\n');
    expect(log).toMatch(/<time> \[error\] \d+#\d+: \*3 open\(\) "\/usr\/share\/nginx\/html\/nope" failed \(2: No such file or directory\), client: 127\.0\.0\.1, server: localhost, request: "GET \/nope HTTP\/1\.1", host: "localhost"\n/);
    expect(c.stderr()).toContain('open() "/usr/share/nginx/html/nope" failed');
    expect(c.stdout()).toContain('"GET /nope HTTP/1.1" 404 153');

    const before = c.logs().length;
    await c.kill(3);
    expect(await c.wait()).toBe(0);
    const stop = normal(c.logs().slice(before)).split('\n');
    expect(stop[0]).toBe('<time> [notice] 1#1: signal 3 (SIGQUIT) received, shutting down');
    for (const w of workers) {
      expect(stop).toContain(`<time> [notice] ${w}#${w}: gracefully shutting down`);
      expect(stop).toContain(`<time> [notice] ${w}#${w}: exiting`);
      expect(stop).toContain(`<time> [notice] ${w}#${w}: exit`);
      expect(stop).toContain(`<time> [notice] 1#1: signal 17 (SIGCHLD) received from ${w}`);
      expect(stop).toContain(`<time> [notice] 1#1: worker process ${w} exited with code 0`);
    }
    expect(stop.slice(-2)).toEqual(['<time> [notice] 1#1: exit', '']);
  });

  it('reloads a new configuration: redirects, return, try_files, error_page and a proxy that does not answer', async () => {
    const c = await started('alpine');
    const conf = `upstream backend {
    server 127.0.0.1:3000;
}
server {
    listen 8080;
    server_name example.test;
    root /srv/www;
    add_header X-Served-By berth;
    location / { try_files $uri $uri/ /index.html; }
    location = /health { default_type text/plain; return 200 "ok\\n"; }
    location /old { return 301 /new; }
    location /api/ { proxy_pass http://127.0.0.1:3000/; }
    location /down/ { proxy_pass http://127.0.0.1:3001; }
    location /up/ { proxy_pass http://backend/; }
    error_page 502 /50x.html;
    location = /50x.html { root /usr/share/nginx/html; }
}
server {
    listen 3000;
    location / { default_type text/plain; return 200 "upstream saw $request_uri, Host $http_host, via $http_x_client\n"; }
}
`;
    await c.exec(['sh', '-c', 'mkdir -p /srv/www/docs /srv/www/private && echo home > /srv/www/index.html && echo docs > /srv/www/docs/index.html && cat > /etc/nginx/conf.d/site.conf'], { stdin: conf });
    expect(await c.exec(['nginx', '-t'])).toEqual({
      out: '',
      err: 'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n',
      code: 0,
    });
    const reload = await c.exec(['nginx', '-s', 'reload']);
    expect(reload.code).toBe(0);
    expect(normal(reload.err)).toMatch(/^<time> \[notice\] \d+#\d+: signal process started\n$/);
    await c.waitForLog(/reconfiguring\n(.*\n)*.*start worker process \d+\n(.*\n)*.*start worker process \d+\n/);
    expect(normal(c.logs())).toMatch(/<time> \[notice\] 1#1: signal 1 \(SIGHUP\) received, reconfiguring\n<time> \[notice\] 1#1: reconfiguring\n<time> \[notice\] 1#1: using the "epoll" event method\n<time> \[notice\] 1#1: start worker processes\n/);

    const get = async (path: string, ...extra: string[]) => normal((await c.exec(['curl', '-si', ...extra, `http://127.0.0.1:8080${path}`])).out);
    expect(await get('/health')).toBe('HTTP/1.1 200 OK\r\nServer: nginx/1.27.2\r\nDate: <date>\r\nContent-Type: text/plain\r\nContent-Length: 3\r\nConnection: keep-alive\r\nX-Served-By: berth\r\n\r\nok\n');
    expect(await get('/old', '-H', 'Host: example.test:8080')).toBe(
      'HTTP/1.1 301 Moved Permanently\r\nServer: nginx/1.27.2\r\nDate: <date>\r\nContent-Type: text/html\r\nContent-Length: 169\r\nLocation: http://example.test:8080/new\r\nConnection: keep-alive\r\nX-Served-By: berth\r\n\r\n' +
        '<html>\r\n<head><title>301 Moved Permanently</title></head>\r\n<body>\r\n<center><h1>301 Moved Permanently</h1></center>\r\n<hr><center>nginx/1.27.2</center>\r\n</body>\r\n</html>\r\n',
    );
    // try_files finds the directory ($uri/), and the index module serves its index.html.
    expect(await get('/docs')).toMatch(/^HTTP\/1\.1 200 OK\r\n(.*\r\n)*\r\ndocs\n$/);
    expect(await get('/docs/')).toMatch(/\r\n\r\ndocs\n$/);
    expect(await get('/anything/else')).toMatch(/\r\n\r\nhome\n$/);
    // proxy_pass with a URI replaces the location's prefix; Host is the upstream's name ($proxy_host).
    expect(await get('/api/users?id=7', '-H', 'X-Client: test')).toMatch(/\r\n\r\nupstream saw \/users\?id=7, Host 127\.0\.0\.1:3000, via test\n$/);
    expect(await get('/up/a')).toMatch(/\r\n\r\nupstream saw \/a, Host backend, via -?\n$/);
    const bad = await get('/down/users');
    expect(bad).toMatch(/^HTTP\/1\.1 502 Bad Gateway\r\nServer: nginx\/1\.27\.2\r\nDate: <date>\r\nContent-Type: text\/html\r\nContent-Length: 497\r\nConnection: keep-alive\r\nETag: "[0-9a-f]+-1f1"\r\n\r\n<!DOCTYPE html>/);
    expect(normal(c.logs())).toMatch(/\[error\] \d+#\d+: \*\d+ connect\(\) failed \(111: Connection refused\) while connecting to upstream, client: 127\.0\.0\.1, server: example\.test, request: "GET \/down\/users HTTP\/1\.1", upstream: "http:\/\/127\.0\.0\.1:3001\/down\/users", host: "127\.0\.0\.1:8080"\n/);
    expect(normal(c.logs())).toContain('127.0.0.1 - - [<time>] "GET /down/users HTTP/1.1" 502 497 "-" "curl/8.10.1" "-"\n');
    // Directory without an index: 403, and the error log says why.
    expect(await get('/private/')).toContain('HTTP/1.1 403 Forbidden\r\n');
    expect(c.logs()).toContain('directory index of "/srv/www/private/" is forbidden, client: 127.0.0.1, server: example.test, request: "GET /private/ HTTP/1.1", host: "127.0.0.1:8080"');
    // busybox wget, HTTP/1.1 with Connection: close.
    const wget = await c.exec(['wget', '-q', '-O', '-', 'http://127.0.0.1:8080/docs/']);
    expect(wget).toEqual({ out: 'docs\n', err: '', code: 0 });
    await c.kill(15);
    expect(await c.wait()).toBe(0);
    expect(normal(c.logs())).toContain('<time> [notice] 1#1: signal 15 (SIGTERM) received, exiting\n');
  });

  it('refuses a broken configuration with nginx\'s messages', async () => {
    const bed = await testbed(nodePlatform(), 'nginx', 'alpine');
    const c = await bed.run(['sleep', '60'], { entrypoint: [] });
    const write = (text: string) => c.exec(['sh', '-c', 'cat > /etc/nginx/conf.d/default.conf'], { stdin: text });
    await write('server {\n    listen 80;\n    foo bar;\n}\n');
    const t = await c.exec(['nginx', '-t']);
    expect(t.code).toBe(1);
    expect(normal(t.err)).toBe(
      '<time> [emerg] ' + /emerg\] (\d+#\d+)/.exec(t.err)![1] + ': unknown directive "foo" in /etc/nginx/conf.d/default.conf:3\n' +
        'nginx: [emerg] unknown directive "foo" in /etc/nginx/conf.d/default.conf:3\nnginx: configuration file /etc/nginx/nginx.conf test failed\n',
    );
    const msg = async (conf: string) => {
      await write(conf);
      return /nginx: \[emerg\] (.*)\n/.exec((await c.exec(['nginx', '-t'])).err)?.[1];
    };
    expect(await msg('server {\n    listen 80;\n')).toBe('unexpected end of file, expecting "}" in /etc/nginx/conf.d/default.conf:3');
    expect(await msg('server {\n    root /a /b;\n}\n')).toBe('invalid number of arguments in "root" directive in /etc/nginx/conf.d/default.conf:2');
    expect(await msg('listen 80;\n')).toBe('"listen" directive is not allowed here in /etc/nginx/conf.d/default.conf:1');
    expect(await msg('server {\n    listen 127.0.0.1:80a;\n}\n')).toBe('invalid port in "127.0.0.1:80a" of the "listen" directive in /etc/nginx/conf.d/default.conf:2');
    expect(await msg('server {\n    location / {\n        proxy_pass http://app:3000;\n    }\n}\n')).toBe('host not found in upstream "app:3000" in /etc/nginx/conf.d/default.conf:3');
    expect(await msg('server {\n    sendfile maybe;\n}\n')).toBe('invalid value "maybe" in "sendfile" directive, it must be "on" or "off" in /etc/nginx/conf.d/default.conf:2');
    expect(await msg('}\n')).toBe('unexpected "}" in /etc/nginx/conf.d/default.conf:1');
    expect(await msg('server {\n    location / {}\n    location / {}\n}\n')).toBe('duplicate location "/" in /etc/nginx/conf.d/default.conf:3');
    expect(await c.exec(['nginx', '-v'])).toEqual({ out: '', err: 'nginx version: nginx/1.27.2\n', code: 0 });
    expect(await c.exec(['nginx', '-s', 'reload'])).toMatchObject({ code: 1 });
    await c.kill(9);
    await c.wait();
  });

  it('cannot bind a port already in use', async () => {
    const bed = await testbed(nodePlatform(), 'nginx', 'alpine');
    const c = await bed.run(['nginx', '-g', 'daemon off;']);
    await c.waitForLog('start worker processes');
    const run = await c.exec(['nginx', '-g', 'daemon off;']);
    expect(run.code).toBe(1);
    const err = normal(run.err).replace(/\d+#\d+/g, 'N#N');
    const bindLine = '<time> [emerg] N#N: bind() to 0.0.0.0:80 failed (98: Address in use)\nnginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address in use)\n';
    expect(err).toBe(bindLine.repeat(5) + '<time> [emerg] N#N: still could not bind()\nnginx: [emerg] still could not bind()\n');
    await c.kill(9);
    await c.wait();
  });

  it('keeps connections alive, answers ranges and conditional requests, runs its workers as nginx', async () => {
    const c = await started('alpine');
    expect(normal(c.logs())).toContain('<time> [notice] 1#1: built by gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309) \n');
    // Two pipelined requests on one connection: the first kept alive, the HTTP/1.0 one closed.
    const nc = await c.exec(['sh', '-c', "printf 'GET /50x.html HTTP/1.1\\r\\nHost: x\\r\\n\\r\\nGET /nope HTTP/1.0\\r\\n\\r\\n' | nc 127.0.0.1 80"]);
    const responses = normal(nc.out).split(/(?=HTTP\/1\.1 )/);
    expect(responses).toHaveLength(2);
    expect(responses[0]).toMatch(/^HTTP\/1\.1 200 OK\r\n(.*\r\n)*Connection: keep-alive\r\n/);
    expect(responses[1]).toBe(`HTTP/1.1 404 Not Found\r\nServer: nginx/1.27.2\r\nDate: <date>\r\nContent-Type: text/html\r\nContent-Length: 153\r\nConnection: close\r\n\r\n${PAGE_404}`);
    expect(normal(c.logs())).toContain('127.0.0.1 - - [<time>] "GET /50x.html HTTP/1.1" 200 497 "-" "-" "-"\n');
    expect(c.logs()).toMatch(/open\(\) "\/usr\/share\/nginx\/html\/nope" failed \(2: No such file or directory\), client: 127\.0\.0\.1, server: localhost, request: "GET \/nope HTTP\/1\.0"\n/);

    const range = await c.exec(['curl', '-si', '-H', 'Range: bytes=0-9', 'http://localhost/']);
    expect(normal(range.out)).toMatch(/^HTTP\/1\.1 206 Partial Content\r\n(.*\r\n)*Content-Length: 10\r\n(.*\r\n)*Content-Range: bytes 0-9\/615\r\n\r\n<!DOCTYPE $/);
    const lastModified = /Last-Modified: (.*)\r\n/.exec(range.out)![1]!;
    const etag = /ETag: (.*)\r\n/.exec(range.out)![1]!;
    const cached = await c.exec(['curl', '-si', '-H', `If-Modified-Since: ${lastModified}`, 'http://localhost/']);
    expect(normal(cached.out)).toBe(`HTTP/1.1 304 Not Modified\r\nServer: nginx/1.27.2\r\nDate: <date>\r\nLast-Modified: ${lastModified}\r\nConnection: keep-alive\r\nETag: ${etag}\r\n\r\n`);

    // Titled as nginx titles its processes (setproctitle), the workers running as the "user" directive says.
    const ps = await c.exec(['ps', '-o', 'user,args']);
    expect(ps.out.split('\n').filter((l) => l.includes('nginx:'))).toEqual([
      'root     nginx: master process nginx -g daemon off;',
      'nginx    nginx: worker process',
      'nginx    nginx: worker process',
    ]);
    expect((await c.exec(['ls', '-l', '/var/cache/nginx'])).out).toMatch(/drwx------\s+2 nginx\s+root\s+\d+ .* client_temp\n/);

    await c.exec(['nginx', '-s', 'reload']);
    await c.waitForLog(/reconfiguring\n(.*\n)*.*worker process \d+ exited with code 0\n(.*\n)*.*worker process \d+ exited with code 0\n/);
    const old = [...c.logs().matchAll(/start worker process (\d+)/g)].map((m) => m[1]!).slice(0, 2);
    for (const w of old) expect(c.logs()).toMatch(new RegExp(`${w}#${w}: gracefully shutting down\\n(.*\\n)*.*${w}#${w}: exiting\\n(.*\\n)*.*${w}#${w}: exit\\n`));
    expect((await c.exec(['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', 'http://localhost/'])).out).toBe('200');
    await c.kill(2);
    expect(await c.wait()).toBe(0);
    expect(normal(c.logs())).toMatch(/<time> \[notice\] 1#1: signal 2 \(SIGINT\) received, exiting\n(.*\n)*<time> \[notice\] 1#1: exit\n$/);
  });

  it('keeps serving while a request waits for its upstream, even with one worker proxying to itself', async () => {
    const bed = await testbed(nodePlatform(), 'nginx', 'alpine');
    const c = await bed.run(['sleep', '60'], { entrypoint: [] });
    await c.exec(['sh', '-c', 'cat > /etc/nginx/conf.d/default.conf'], { stdin: 'server { listen 80; location / { proxy_pass http://127.0.0.1:81; } }\nserver { listen 81; location / { return 200 "inner $request_uri\\n"; } }\n' });
    await c.exec(['sed', '-i', 's/worker_processes  auto/worker_processes 1/', '/etc/nginx/nginx.conf']);
    const server = c.exec(['nginx', '-g', 'daemon off;']);
    await new Promise((r) => setTimeout(r, 200));
    expect((await c.exec(['curl', '-s', '-m', '5', 'http://127.0.0.1/x'])).out).toBe('inner /x\n');
    await c.exec(['sh', '-c', 'kill -QUIT $(cat /var/run/nginx.pid)']);
    const log = (await server).err;
    expect(log.match(/start worker process \d+/g)).toHaveLength(1);
    expect(log).toMatch(/\[notice\] \d+#\d+: exit\n$/);
    await c.kill(9);
    await c.wait();
  });
});

