import { describe, expect, it } from 'vitest';
import { ellipsis, FormatError, renderFormatted, truncateID, type RenderOptions } from './format.ts';
import { quote } from './gostrconv.ts';

// docker/cli cli/command/formatter/container.go (v28.2.2)
const psTable = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';
const psHeaders = {
  ID: 'CONTAINER ID',
  Names: 'NAMES',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Labels: 'LABELS',
  Mounts: 'MOUNTS',
  LocalVolumes: 'LOCAL VOLUMES',
  Networks: 'NETWORKS',
  Platform: 'PLATFORM',
};

interface Summary {
  id: string;
  image: string;
  command: string;
  created: string;
  status: string;
  state: string;
  ports: string;
  name: string;
}

// The containers behind shared/reference/docker-cli-28/out-ps.txt.
const containers: Summary[] = [
  {
    id: 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2',
    image: 'nginx',
    command: '/docker-entrypoint.sh nginx -g daemon off;',
    created: '10 seconds ago',
    status: 'Up 9 seconds',
    state: 'running',
    ports: '0.0.0.0:8080->80/tcp, [::]:8080->80/tcp',
    name: 'quirky_name',
  },
  {
    id: 'b'.repeat(64),
    image: 'alpine',
    command: 'echo hi',
    created: '2 minutes ago',
    status: 'Exited (0) 2 minutes ago',
    state: 'exited',
    ports: '',
    name: 'exited_one',
  },
  {
    id: 'c'.repeat(64),
    image: 'alpine:3.20',
    command: '/bin/sh',
    created: '3 hours ago',
    status: 'Created',
    state: 'created',
    ports: '',
    name: 'created_one',
  },
  {
    id: 'd'.repeat(64),
    image: 'busybox',
    command: 'false',
    created: '3 days ago',
    status: 'Exited (1) 3 days ago',
    state: 'exited',
    ports: '6379/tcp',
    name: 'crashed',
  },
];

/** A row shaped like docker's ContainerContext: fields and methods by formatter name. */
function psRow(c: Summary, trunc = true): object {
  return {
    ID: trunc ? truncateID(c.id) : c.id,
    Image: c.image,
    Command: quote(trunc ? ellipsis(c.command, 20) : c.command),
    RunningFor: c.created,
    Status: c.status,
    State: c.state,
    Ports: c.ports,
    Names: c.name,
    Labels: '',
    Label: (_name: string) => '',
  };
}

const ps = (extra: Partial<RenderOptions>, rows = containers.map((c) => psRow(c))): string =>
  renderFormatted({
    defaultTable: psTable,
    headers: psHeaders,
    rows,
    typeName: '*formatter.ContainerContext',
    ...extra,
  });

describe('docker ps, against the real docker 28.2.2 output (out-ps.txt)', () => {
  it('the default table', () => {
    expect(ps({}, [psRow(containers[0]!)])).toBe(
      'CONTAINER ID   IMAGE     COMMAND                  CREATED          STATUS         PORTS                                     NAMES\n' +
        'a1b2c3d4e5f6   nginx     "/docker-entrypoint.…"   10 seconds ago   Up 9 seconds   0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   quirky_name\n',
    );
  });

  it('the default table with -a', () => {
    expect(ps({ format: 'table' })).toBe(
      'CONTAINER ID   IMAGE         COMMAND                  CREATED          STATUS                     PORTS                                     NAMES\n' +
        'a1b2c3d4e5f6   nginx         "/docker-entrypoint.…"   10 seconds ago   Up 9 seconds               0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   quirky_name\n' +
        'bbbbbbbbbbbb   alpine        "echo hi"                2 minutes ago    Exited (0) 2 minutes ago                                             exited_one\n' +
        'cccccccccccc   alpine:3.20   "/bin/sh"                3 hours ago      Created                                                              created_one\n' +
        'dddddddddddd   busybox       "false"                  3 days ago       Exited (1) 3 days ago      6379/tcp                                  crashed\n',
    );
  });

  it("--no-trunc --format '{{.ID}} {{.State}} {{.Status}}'", () => {
    expect(ps({ format: '{{.ID}} {{.State}} {{.Status}}' }, containers.map((c) => psRow(c, false)))).toBe(
      'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2 running Up 9 seconds\n' +
        'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb exited Exited (0) 2 minutes ago\n' +
        'cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc created Created\n' +
        'dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd exited Exited (1) 3 days ago\n',
    );
  });
});

describe('--format', () => {
  it('-q prints IDs whatever the format', () => {
    expect(ps({ quiet: true, format: 'table {{.Names}}' })).toBe('a1b2c3d4e5f6\nbbbbbbbbbbbb\ncccccccccccc\ndddddddddddd\n');
  });

  it('a custom table maps fields to headers', () => {
    expect(ps({ format: 'table {{.Names}}\\t{{.Status}}' }, [psRow(containers[1]!)])).toBe(
      'NAMES        STATUS\nexited_one   Exited (0) 2 minutes ago\n',
    );
  });

  it('a custom template unescapes \\t but does not align', () => {
    expect(ps({ format: '{{.Names}}\\t{{.Image}}' }, [psRow(containers[0]!), psRow(containers[2]!)])).toBe(
      'quirky_name\tnginx\ncreated_one\talpine:3.20\n',
    );
  });

  it('json: one object per line, keys sorted, methods with arguments left out', () => {
    expect(ps({ format: 'json' }, [psRow(containers[0]!)])).toBe(
      '{"Command":"\\"/docker-entrypoint.…\\"","ID":"a1b2c3d4e5f6","Image":"nginx","Labels":"",' +
        '"Names":"quirky_name","Ports":"0.0.0.0:8080->80/tcp, [::]:8080->80/tcp","RunningFor":"10 seconds ago",' +
        '"State":"running","Status":"Up 9 seconds"}\n',
    );
  });

  it('header functions keep column names intact; pad is kept for alignment', () => {
    expect(ps({ format: 'table {{lower .Names}}\\t{{upper .Image}}' }, [psRow(containers[0]!)])).toBe(
      'NAMES         IMAGE\nquirky_name   NGINX\n',
    );
    expect(ps({ format: 'table {{pad .Names 1 1}}|' }, [psRow(containers[0]!)])).toBe(' NAMES |\n quirky_name |\n');
  });

  it('a header the template cannot build is left blank, as docker leaves it', () => {
    expect(ps({ format: 'table {{json .Names}}' }, [psRow(containers[0]!)])).toBe('NAMES\n"quirky_name"\n');
    expect(ps({ format: 'table {{json .}}' }, [{ ID: 'x' }])).toBe('\n{"ID":"x"}\n');
    expect(ps({ format: 'table {{.Label "a"}}x' }, [psRow(containers[0]!)])).toBe('\nx\n');
  });

  it('errors are template parsing errors', () => {
    expect(() => ps({ format: '{{.Foo}}' })).toThrow(FormatError);
    expect(() => ps({ format: '{{.Foo}}' })).toThrow(
      'template parsing error: template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext',
    );
    expect(() => ps({ format: '{{.ID' })).toThrow('template parsing error: template: :1: unclosed action');
  });

  it('no rows: the header alone', () => {
    expect(ps({}, [])).toBe(
      'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n',
    );
  });
});

describe('ellipsis and truncateID', () => {
  it('cuts as docker does', () => {
    expect(ellipsis('/docker-entrypoint.sh nginx -g daemon off;', 20)).toBe('/docker-entrypoint.…');
    expect(ellipsis('echo hi', 20)).toBe('echo hi');
    expect(ellipsis('日本語日本語日本語日本語', 7)).toBe('日本語…');
    expect(ellipsis('abc', 1)).toBe('a');
    expect(truncateID('sha256:' + 'f'.repeat(64))).toBe('ffffffffffff');
    expect(truncateID('abc')).toBe('abc');
  });
});
