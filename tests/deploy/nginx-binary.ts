/**
 * Debian's nginx for the reverse-proxy tests, installed with apt-get when missing (CI runs tests as root on a bare
 * machine, as for the browser test's chromium). Debian's policy-rc.d keeps the package from starting a system nginx;
 * the tests start their own on a loopback port.
 */
import { execFileSync, spawnSync } from 'node:child_process';

/** The nginx binary's path, or why there is none (the tests that need it are then skipped with that reason). */
export function findNginx(): { path: string } | { missing: string } {
  const found = () => spawnSync('sh', ['-c', 'command -v nginx || ls /usr/sbin/nginx'], { encoding: 'utf8' });
  let probe = found();
  if (probe.status === 0) return { path: probe.stdout.trim().split('\n')[0] as string };
  if (process.getuid?.() !== 0) return { missing: 'nginx is not installed: run `sudo apt-get install -y nginx`' };
  const apt = { stdio: 'ignore' as const, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  try {
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'nginx'], apt);
  } catch {
    execFileSync('apt-get', ['update'], apt);
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'nginx'], apt);
  }
  probe = found();
  return probe.status === 0
    ? { path: probe.stdout.trim().split('\n')[0] as string }
    : { missing: 'apt-get install nginx did not provide an nginx binary' };
}
