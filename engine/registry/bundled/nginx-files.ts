/**
 * nginx's files as nginx.org's packages install them (configuration and the
 * welcome pages carry their real contents, mime.types and the *_params files
 * are abridged), and the Docker image's entrypoint scripts, which are
 * Berth's own: they do what docker-nginx's scripts do and print the same
 * log lines, so `docker logs` looks as expected.
 */
import { text } from './fs.ts';

export const NGINX_CONF = '\n' + text`
  user  nginx;
  worker_processes  auto;

  error_log  /var/log/nginx/error.log notice;
  pid        /var/run/nginx.pid;


  events {
      worker_connections  1024;
  }


  http {
      include       /etc/nginx/mime.types;
      default_type  application/octet-stream;

      log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                        '$status $body_bytes_sent "$http_referer" '
                        '"$http_user_agent" "$http_x_forwarded_for"';

      access_log  /var/log/nginx/access.log  main;

      sendfile        on;
      #tcp_nopush     on;

      keepalive_timeout  65;

      #gzip  on;

      include /etc/nginx/conf.d/*.conf;
  }
`;

export const DEFAULT_CONF = text`
  server {
      listen       80;
      server_name  localhost;

      #access_log  /var/log/nginx/host.access.log  main;

      location / {
          root   /usr/share/nginx/html;
          index  index.html index.htm;
      }

      #error_page  404              /404.html;

      # redirect server error pages to the static page /50x.html
      #
      error_page   500 502 503 504  /50x.html;
      location = /50x.html {
          root   /usr/share/nginx/html;
      }

      # proxy the PHP scripts to Apache listening on 127.0.0.1:80
      #
      #location ~ \.php$ {
      #    proxy_pass   http://127.0.0.1;
      #}

      # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000
      #
      #location ~ \.php$ {
      #    root           html;
      #    fastcgi_pass   127.0.0.1:9000;
      #    fastcgi_index  index.php;
      #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;
      #    include        fastcgi_params;
      #}

      # deny access to .htaccess files, if Apache's document root
      # concurs with nginx's one
      #
      #location ~ /\.ht {
      #    deny  all;
      #}
  }
` + '\n';

export const INDEX_HTML = text`
  <!DOCTYPE html>
  <html>
  <head>
  <title>Welcome to nginx!</title>
  <style>
  html { color-scheme: light dark; }
  body { width: 35em; margin: 0 auto;
  font-family: Tahoma, Verdana, Arial, sans-serif; }
  </style>
  </head>
  <body>
  <h1>Welcome to nginx!</h1>
  <p>If you see this page, the nginx web server is successfully installed and
  working. Further configuration is required.</p>

  <p>For online documentation and support please refer to
  <a href="http://nginx.org/">nginx.org</a>.<br/>
  Commercial support is available at
  <a href="http://nginx.com/">nginx.com</a>.</p>

  <p><em>Thank you for using nginx.</em></p>
  </body>
  </html>
`;

export const ERROR_HTML = text`
  <!DOCTYPE html>
  <html>
  <head>
  <title>Error</title>
  <style>
  html { color-scheme: light dark; }
  body { width: 35em; margin: 0 auto;
  font-family: Tahoma, Verdana, Arial, sans-serif; }
  </style>
  </head>
  <body>
  <h1>An error occurred.</h1>
  <p>Sorry, the page you are looking for is currently unavailable.<br/>
  Please try again later.</p>
  <p>If you are the system administrator of this resource then you should check
  the error log for details.</p>
  <p><em>Faithfully yours, nginx.</em></p>
  </body>
  </html>
`;

/** mime.types, abridged to the types a web page commonly serves. */
export const MIME_TYPES = '\n' + text`
  types {
      text/html                                        html htm shtml;
      text/css                                         css;
      text/xml                                         xml;
      image/gif                                        gif;
      image/jpeg                                       jpeg jpg;
      application/javascript                           js;
      application/atom+xml                             atom;
      application/rss+xml                              rss;

      text/mathml                                      mml;
      text/plain                                       txt;
      text/vnd.sun.j2me.app-descriptor                 jad;
      text/vnd.wap.wml                                 wml;
      text/x-component                                 htc;

      image/avif                                       avif;
      image/png                                        png;
      image/svg+xml                                    svg svgz;
      image/tiff                                       tif tiff;
      image/vnd.wap.wbmp                               wbmp;
      image/webp                                       webp;
      image/x-icon                                     ico;
      image/x-jng                                      jng;
      image/x-ms-bmp                                   bmp;

      font/woff                                        woff;
      font/woff2                                       woff2;

      application/java-archive                         jar war ear;
      application/json                                 json;
      application/mac-binhex40                         hqx;
      application/msword                               doc;
      application/pdf                                  pdf;
      application/postscript                           ps eps ai;
      application/rtf                                  rtf;
      application/vnd.ms-excel                         xls;
      application/vnd.ms-fontobject                    eot;
      application/vnd.ms-powerpoint                    ppt;
      application/wasm                                 wasm;
      application/x-7z-compressed                      7z;
      application/x-perl                               pl pm;
      application/x-sh                                 sh;
      application/x-shockwave-flash                    swf;
      application/x-tar                                tar;
      application/x-x509-ca-cert                       der pem crt;
      application/xhtml+xml                            xhtml;
      application/zip                                  zip;

      application/octet-stream                         bin exe dll;
      application/octet-stream                         deb;
      application/octet-stream                         dmg;
      application/octet-stream                         iso img;
      application/octet-stream                         msi msp msm;

      audio/midi                                       mid midi kar;
      audio/mpeg                                       mp3;
      audio/ogg                                        ogg;
      audio/x-m4a                                      m4a;

      video/mp2t                                       ts;
      video/mp4                                        mp4;
      video/mpeg                                       mpeg mpg;
      video/quicktime                                  mov;
      video/webm                                       webm;
      video/x-flv                                      flv;
      video/x-m4v                                      m4v;
      video/x-msvideo                                  avi;
  }
`;

/** fastcgi_params, scgi_params and uwsgi_params, abridged to their first lines. */
export const PARAMS = {
  fastcgi_params: text`

    fastcgi_param  QUERY_STRING       $query_string;
    fastcgi_param  REQUEST_METHOD     $request_method;
    fastcgi_param  CONTENT_TYPE       $content_type;
    fastcgi_param  CONTENT_LENGTH     $content_length;

    fastcgi_param  SCRIPT_NAME        $fastcgi_script_name;
    fastcgi_param  REQUEST_URI        $request_uri;
    fastcgi_param  DOCUMENT_URI       $document_uri;
    fastcgi_param  DOCUMENT_ROOT      $document_root;
    fastcgi_param  SERVER_PROTOCOL    $server_protocol;
    fastcgi_param  REQUEST_SCHEME     $scheme;
    fastcgi_param  HTTPS              $https if_not_empty;

    fastcgi_param  GATEWAY_INTERFACE  CGI/1.1;
    fastcgi_param  SERVER_SOFTWARE    nginx/$nginx_version;

    fastcgi_param  REMOTE_ADDR        $remote_addr;
    fastcgi_param  REMOTE_PORT        $remote_port;
    fastcgi_param  SERVER_ADDR        $server_addr;
    fastcgi_param  SERVER_PORT        $server_port;
    fastcgi_param  SERVER_NAME        $server_name;

    # PHP only, required if PHP was built with --enable-force-cgi-redirect
    fastcgi_param  REDIRECT_STATUS    200;
  `,
  scgi_params: text`

    scgi_param  REQUEST_METHOD     $request_method;
    scgi_param  REQUEST_URI        $request_uri;
    scgi_param  QUERY_STRING       $query_string;
    scgi_param  CONTENT_TYPE       $content_type;

    scgi_param  DOCUMENT_URI       $document_uri;
    scgi_param  DOCUMENT_ROOT      $document_root;
    scgi_param  SCGI               1;
    scgi_param  SERVER_PROTOCOL    $server_protocol;
    scgi_param  REQUEST_SCHEME     $scheme;
    scgi_param  HTTPS              $https if_not_empty;

    scgi_param  REMOTE_ADDR        $remote_addr;
    scgi_param  REMOTE_PORT        $remote_port;
    scgi_param  SERVER_PORT        $server_port;
    scgi_param  SERVER_NAME        $server_name;
  `,
  uwsgi_params: text`

    uwsgi_param  QUERY_STRING       $query_string;
    uwsgi_param  REQUEST_METHOD     $request_method;
    uwsgi_param  CONTENT_TYPE       $content_type;
    uwsgi_param  CONTENT_LENGTH     $content_length;

    uwsgi_param  REQUEST_URI        $request_uri;
    uwsgi_param  PATH_INFO          $document_uri;
    uwsgi_param  DOCUMENT_ROOT      $document_root;
    uwsgi_param  SERVER_PROTOCOL    $server_protocol;
    uwsgi_param  REQUEST_SCHEME     $scheme;
    uwsgi_param  HTTPS              $https if_not_empty;

    uwsgi_param  REMOTE_ADDR        $remote_addr;
    uwsgi_param  REMOTE_PORT        $remote_port;
    uwsgi_param  SERVER_PORT        $server_port;
    uwsgi_param  SERVER_NAME        $server_name;
  `,
} as const;

/**
 * /docker-entrypoint.sh: when the command is nginx, run the hooks in
 * /docker-entrypoint.d in order (source *.envsh, execute *.sh), then exec.
 */
export const ENTRYPOINT = text`
  #!/bin/sh
  # Berth's nginx entrypoint. Before starting nginx it runs the configuration
  # hooks in /docker-entrypoint.d/, in name order: executable *.envsh files
  # are sourced (they may export variables), executable *.sh files are run.
  # Set NGINX_ENTRYPOINT_QUIET_LOGS to any value to silence its messages.
  set -e

  say() {
      if [ -z "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then
          echo "$@"
      fi
  }

  if [ "$1" = "nginx" ] || [ "$1" = "nginx-debug" ]; then
      if find /docker-entrypoint.d/ -mindepth 1 -maxdepth 1 -type f -print -quit 2>/dev/null | read -r _; then
          say "$0: /docker-entrypoint.d/ is not empty, will attempt to perform configuration"
          say "$0: Looking for shell scripts in /docker-entrypoint.d/"
          for hook in $(find /docker-entrypoint.d/ -follow -type f -print | sort -V); do
              case "$hook" in
                  *.envsh)
                      if [ -x "$hook" ]; then
                          say "$0: Sourcing $hook"
                          . "$hook"
                      else
                          say "$0: Ignoring $hook, not executable"
                      fi
                      ;;
                  *.sh)
                      if [ -x "$hook" ]; then
                          say "$0: Launching $hook"
                          "$hook"
                      else
                          say "$0: Ignoring $hook, not executable"
                      fi
                      ;;
                  *)
                      say "$0: Ignoring $hook"
                      ;;
              esac
          done
          say "$0: Configuration complete; ready for start up"
      else
          say "$0: No files found in /docker-entrypoint.d/, skipping configuration"
      fi
  fi

  exec "$@"
`;

/** Adds `listen [::]:80;` to the packaged default.conf when the kernel has IPv6 and the file is untouched. */
export const LISTEN_IPV6 = text`
  #!/bin/sh
  # Berth's version of the IPv6 hook: if the container has IPv6 and the
  # packaged /etc/nginx/conf.d/default.conf is unmodified, make the default
  # server listen on [::]:80 too.
  set -e

  ME=$(basename "$0")
  CONF=etc/nginx/conf.d/default.conf

  say() {
      if [ -z "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then
          echo "$ME: $*"
      fi
  }

  if [ ! -f "/proc/net/if_inet6" ]; then
      say "info: ipv6 not available"
      exit 0
  fi
  if [ ! -f "/$CONF" ]; then
      say "info: /$CONF is not a file or does not exist"
      exit 0
  fi
  if ! touch "/$CONF" 2>/dev/null; then
      say "info: can not modify /$CONF (read-only file system?)"
      exit 0
  fi

  say "info: Getting the checksum of /$CONF"
  # The packaged file has exactly one "listen 80;" line and no IPv6 listener.
  if grep -q 'listen  *\[::\]:80;' "/$CONF" || [ "$(grep -c '^ *listen  *80;' "/$CONF")" != 1 ]; then
      say "info: /$CONF differs from the packaged version"
      exit 0
  fi

  sed -i -E 's,listen       80;,listen       80;\n    listen  [::]:80;,' "/$CONF"
  say "info: Enabled listen on IPv6 in /$CONF"
`;

/** Exports NGINX_LOCAL_RESOLVERS from /etc/resolv.conf when asked to (it is sourced, not run). */
export const LOCAL_RESOLVERS = text`
  #!/bin/sh
  # Berth's version: with NGINX_ENTRYPOINT_LOCAL_RESOLVERS set, export the
  # nameservers of /etc/resolv.conf as NGINX_LOCAL_RESOLVERS, ready to be
  # used in templates ("resolver \${NGINX_LOCAL_RESOLVERS};").

  [ -z "\${NGINX_ENTRYPOINT_LOCAL_RESOLVERS:-}" ] && return 0

  NGINX_LOCAL_RESOLVERS=$(awk '$1 == "nameserver" {
      addr = $2
      if (addr ~ /:/) addr = "[" addr "]"
      printf "%s%s", sep, addr
      sep = " "
  }' /etc/resolv.conf)
  export NGINX_LOCAL_RESOLVERS
`;

/** Renders /etc/nginx/templates/*.template into /etc/nginx/conf.d with envsubst. */
export const ENVSUBST_TEMPLATES = text`
  #!/bin/sh
  # Berth's version of the template hook: every file in the template directory
  # ending in the template suffix is passed through envsubst (only variables
  # that are set, and that match NGINX_ENVSUBST_FILTER, are replaced) and
  # written, without the suffix, to the output directory.
  set -e

  ME=$(basename "$0")
  say() {
      if [ -z "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then
          echo "$ME: $*"
      fi
  }

  render() {
      in_dir=$1 suffix=$2 out_dir=$3
      [ -d "$in_dir" ] || return 0
      if [ ! -w "$out_dir" ]; then
          say "ERROR: $in_dir exists, but $out_dir is not writable"
          return 0
      fi
      vars=$(env | cut -d= -f1 | grep -E -- "\${NGINX_ENVSUBST_FILTER:-.}" | sed 's/^/\${/; s/$/}/' | tr '\n' ' ')
      find "$in_dir" -follow -type f -name "*$suffix" -print | while read -r template; do
          relative=\${template#"$in_dir/"}
          output="$out_dir/\${relative%"$suffix"}"
          mkdir -p "$(dirname "$output")"
          say "Running envsubst on $template to $output"
          envsubst "$vars" < "$template" > "$output"
      done
  }

  render "\${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}" \
         "\${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}" \
         "\${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}"
  render "\${NGINX_ENVSUBST_STREAM_TEMPLATE_DIR:-/etc/nginx/stream-templates}" \
         "\${NGINX_ENVSUBST_STREAM_TEMPLATE_SUFFIX:-.stream-template}" \
         "\${NGINX_ENVSUBST_STREAM_OUTPUT_DIR:-/etc/nginx/stream-conf.d}"
`;

/** With NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE set, sets worker_processes to the CPUs the container may use. */
export const TUNE_WORKERS = text`
  #!/bin/sh
  # Berth's version of the worker tuning hook: nginx's "worker_processes auto"
  # counts the host's CPUs; in a container limited by cgroups that is too many.
  # With NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE set, count what the
  # cgroup allows instead and write that number into nginx.conf.
  set -eu

  ME=$(basename "$0")
  say() {
      if [ -z "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then
          echo "$ME: $*"
      fi
  }

  [ -z "\${NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE:-}" ] && exit 0

  cpus=$(nproc)
  # cgroup v2: "max 100000" means no limit, "150000 100000" means 1.5 CPUs.
  if [ -r /sys/fs/cgroup/cpu.max ]; then
      read -r quota period < /sys/fs/cgroup/cpu.max
      if [ "$quota" != "max" ]; then
          limit=$(( (quota + period - 1) / period ))
          [ "$limit" -lt "$cpus" ] && cpus=$limit
      fi
  # cgroup v1: a quota of -1 means no limit.
  elif [ -r /sys/fs/cgroup/cpu/cpu.cfs_quota_us ]; then
      quota=$(cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us)
      period=$(cat /sys/fs/cgroup/cpu/cpu.cfs_period_us)
      if [ "$quota" -gt 0 ]; then
          limit=$(( (quota + period - 1) / period ))
          [ "$limit" -lt "$cpus" ] && cpus=$limit
      fi
  fi

  if [ ! -w /etc/nginx/nginx.conf ]; then
      say "error: can not modify /etc/nginx/nginx.conf (read-only file system?)"
      exit 0
  fi
  sed -i.bak -r 's/^(worker_processes)(.*)$/# Commented out by '"$ME"' on '"$(date)"'\n#\1\2\n\1 '"$cpus"';/' /etc/nginx/nginx.conf
  say "info: worker_processes set to $cpus"
`;
