/**
 * docker version and docker info, from GET /version and GET /info.
 */
import type { Parsed } from '../command.ts';
import { Cli, str } from '../cli.ts';
import { renderTemplate } from './formatting.ts';
import { bytesSize } from '../format/units.ts';

const CLIENT = { Version: '28.2.2', ApiVersion: '1.50', DefaultAPIVersion: '1.50', GitCommit: 'e6534b4', GoVersion: 'go1.24.3', Os: 'linux', Arch: 'amd64', BuildTime: 'Fri May 30 12:07:26 2025', Context: 'default' };

export async function runVersion(cli: Cli, p: Parsed): Promise<number> {
  const server = await cli.api.get<{ Version: string; ApiVersion: string; MinAPIVersion: string; GitCommit: string; GoVersion: string; Os: string; Arch: string; BuildTime: string; Components: { Name: string; Version: string }[] }>('/version');
  const format = str(p, 'format');
  if (format) {
    await cli.out(`${await renderTemplate(format, { Client: CLIENT, Server: server })}\n`);
    return 0;
  }
  const built = new Date(server.BuildTime).toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1 $3 $2 $5 $4');
  await cli.out(
    [
      'Client: Docker Engine - Community',
      ` Version:           ${CLIENT.Version}`,
      ` API version:       ${CLIENT.ApiVersion}`,
      ` Go version:        ${CLIENT.GoVersion}`,
      ` Git commit:        ${CLIENT.GitCommit}`,
      ` Built:             ${CLIENT.BuildTime}`,
      ` OS/Arch:           ${CLIENT.Os}/${CLIENT.Arch}`,
      ` Context:           ${CLIENT.Context}`,
      '',
      'Server: Docker Engine - Community',
      ' Engine:',
      `  Version:          ${server.Version}`,
      `  API version:      ${server.ApiVersion} (minimum version ${server.MinAPIVersion})`,
      `  Go version:       ${server.GoVersion}`,
      `  Git commit:       ${server.GitCommit}`,
      `  Built:            ${built}`,
      `  OS/Arch:          ${server.Os}/${server.Arch}`,
      '  Experimental:     false',
      '',
    ].join('\n'),
  );
  return 0;
}

export async function runInfo(cli: Cli, p: Parsed): Promise<number> {
  const info = await cli.api.get<Record<string, unknown> & { Containers: number; ContainersRunning: number; ContainersPaused: number; ContainersStopped: number; Images: number; ServerVersion: string; Driver: string; CgroupDriver: string; CgroupVersion: string; KernelVersion: string; OperatingSystem: string; OSType: string; Architecture: string; NCPU: number; MemTotal: number; Name: string; ID: string; DockerRootDir: string; LoggingDriver: string }>('/info');
  const format = str(p, 'format');
  if (format) {
    await cli.out(`${await renderTemplate(format, info)}\n`);
    return 0;
  }
  await cli.out(
    [
      'Client: Docker Engine - Community',
      ` Version:    ${CLIENT.Version}`,
      ` Context:    default`,
      ` Debug Mode: false`,
      '',
      'Server:',
      ` Containers: ${info.Containers}`,
      `  Running: ${info.ContainersRunning}`,
      `  Paused: ${info.ContainersPaused}`,
      `  Stopped: ${info.ContainersStopped}`,
      ` Images: ${info.Images}`,
      ` Server Version: ${info.ServerVersion}`,
      ` Storage Driver: ${info.Driver}`,
      `  Backing Filesystem: extfs`,
      `  Supports d_type: true`,
      `  Using metacopy: false`,
      `  Native Overlay Diff: true`,
      `  userxattr: false`,
      ` Logging Driver: ${info.LoggingDriver}`,
      ` Cgroup Driver: ${info.CgroupDriver}`,
      ` Cgroup Version: ${info.CgroupVersion}`,
      ' Plugins:',
      '  Volume: local',
      '  Network: bridge host ipvlan macvlan null overlay',
      '  Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog',
      ' Swarm: inactive',
      ' Runtimes: io.containerd.runc.v2 runc',
      ' Default Runtime: runc',
      ` Kernel Version: ${info.KernelVersion}`,
      ` Operating System: ${info.OperatingSystem}`,
      ` OSType: ${info.OSType}`,
      ` Architecture: ${info.Architecture}`,
      ` CPUs: ${info.NCPU}`,
      ` Total Memory: ${bytesSize(info.MemTotal)}`,
      ` Name: ${info.Name}`,
      ` ID: ${info.ID}`,
      ` Docker Root Dir: ${info.DockerRootDir}`,
      ' Debug Mode: false',
      ' Experimental: false',
      ' Insecure Registries:',
      '  ::1/128',
      '  127.0.0.0/8',
      ' Live Restore Enabled: false',
      '',
    ].join('\n'),
  );
  return 0;
}
