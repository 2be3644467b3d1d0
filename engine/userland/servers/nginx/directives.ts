/**
 * Every directive the nginx binary of the official image knows (the
 * modules nginx.org's packages build in; the dynamic ones — geoip,
 * image_filter, njs, xslt — need load_module first and are not here), with
 * where it may appear and how many arguments it takes, as nginx's
 * ngx_command_t tables declare them. Generated from nginx 1.27.2's sources.
 *
 * Each entry is name=contexts:args, alternatives separated by ";".
 * Contexts: M main, E events, h http, s server, l location, i `if` in a
 * server, f `if` in a location, x limit_except, u upstream, T/S/U stream
 * main/server/upstream, A/B mail main/server, * any.
 * Args: 0 none, 1…7 exactly, 12/13/23/123/1234 any of those counts,
 * F on|off, + one or more, ++ two or more, * any; a leading "{" is a block.
 */
const TABLE =
  'absolute_redirect=hsl:F accept_mutex=E:F accept_mutex_delay=E:1 access_log=STfhlsx:+ add_after_body=hsl:1 add_before_body=hsl:1 ' +
  'add_header=hslf:23 add_trailer=hslf:23 addition_types=hsl:+ aio=hsl:1 aio_write=hsl:F alias=l:1 allow=SThlsx:1 ' +
  'ancient_browser=hsl:+ ancient_browser_value=hsl:1 auth_basic=hslx:1 auth_basic_user_file=hslx:1 auth_delay=hsl:1 auth_http=AB:1 ' +
  'auth_http_header=AB:2 auth_http_pass_client_cert=AB:F auth_http_timeout=AB:1 auth_request=hsl:1 auth_request_set=hsl:2 ' +
  'autoindex=hsl:F autoindex_exact_size=hsl:F autoindex_format=hsl:1 autoindex_localtime=hsl:F break=silf:0 charset=hslf:1 ' +
  'charset_map=h:{2 charset_types=hsl:+ chunked_transfer_encoding=hsl:F client_body_buffer_size=hsl:1 client_body_in_file_only=hsl:1 ' +
  'client_body_in_single_buffer=hsl:F client_body_temp_path=hsl:1234 client_body_timeout=hsl:1 client_header_buffer_size=hs:1 ' +
  'client_header_timeout=hs:1 client_max_body_size=hsl:1 connection_pool_size=hs:1 create_full_put_path=hsl:F daemon=M:F ' +
  'dav_access=hsl:123 dav_methods=hsl:+ debug_connection=E:1 debug_points=M:1 default_type=hsl:1 deny=SThlsx:1 directio=hsl:1 ' +
  'directio_alignment=hsl:1 disable_symlinks=hsl:12 empty_gif=l:0 env=M:1 epoll_events=E:1 error_log=ABMSThls:+ error_page=hslf:++ ' +
  'etag=hsl:F events=M:{0 expires=hslf:12 fastcgi_bind=hsl:12 fastcgi_buffer_size=hsl:1 fastcgi_buffering=hsl:F fastcgi_buffers=hsl:2 ' +
  'fastcgi_busy_buffers_size=hsl:1 fastcgi_cache=hsl:1 fastcgi_cache_background_update=hsl:F fastcgi_cache_bypass=hsl:+ ' +
  'fastcgi_cache_key=hsl:1 fastcgi_cache_lock=hsl:F fastcgi_cache_lock_age=hsl:1 fastcgi_cache_lock_timeout=hsl:1 ' +
  'fastcgi_cache_max_range_offset=hsl:1 fastcgi_cache_methods=hsl:+ fastcgi_cache_min_uses=hsl:1 fastcgi_cache_path=h:++ ' +
  'fastcgi_cache_revalidate=hsl:F fastcgi_cache_use_stale=hsl:+ fastcgi_cache_valid=hsl:+ fastcgi_catch_stderr=hsl:1 ' +
  'fastcgi_connect_timeout=hsl:1 fastcgi_force_ranges=hsl:F fastcgi_hide_header=hsl:1 fastcgi_ignore_client_abort=hsl:F ' +
  'fastcgi_ignore_headers=hsl:+ fastcgi_index=hsl:1 fastcgi_intercept_errors=hsl:F fastcgi_keep_conn=hsl:F fastcgi_limit_rate=hsl:1 ' +
  'fastcgi_max_temp_file_size=hsl:1 fastcgi_next_upstream=hsl:+ fastcgi_next_upstream_timeout=hsl:1 fastcgi_next_upstream_tries=hsl:1 ' +
  'fastcgi_no_cache=hsl:+ fastcgi_param=hsl:23 fastcgi_pass=lf:1 fastcgi_pass_header=hsl:1 fastcgi_pass_request_body=hsl:F ' +
  'fastcgi_pass_request_headers=hsl:F fastcgi_read_timeout=hsl:1 fastcgi_request_buffering=hsl:F fastcgi_send_lowat=hsl:1 ' +
  'fastcgi_send_timeout=hsl:1 fastcgi_socket_keepalive=hsl:F fastcgi_split_path_info=hsl:1 fastcgi_store=hsl:1 ' +
  'fastcgi_store_access=hsl:123 fastcgi_temp_file_write_size=hsl:1 fastcgi_temp_path=hsl:1234 flv=l:0 geo=Th:{12 grpc_bind=hsl:12 ' +
  'grpc_buffer_size=hsl:1 grpc_connect_timeout=hsl:1 grpc_hide_header=hsl:1 grpc_ignore_headers=hsl:+ grpc_intercept_errors=hsl:F ' +
  'grpc_next_upstream=hsl:+ grpc_next_upstream_timeout=hsl:1 grpc_next_upstream_tries=hsl:1 grpc_pass=lf:1 grpc_pass_header=hsl:1 ' +
  'grpc_read_timeout=hsl:1 grpc_send_timeout=hsl:1 grpc_set_header=hsl:2 grpc_socket_keepalive=hsl:F grpc_ssl_certificate=hsl:1 ' +
  'grpc_ssl_certificate_key=hsl:1 grpc_ssl_ciphers=hsl:1 grpc_ssl_conf_command=hsl:2 grpc_ssl_crl=hsl:1 grpc_ssl_name=hsl:1 ' +
  'grpc_ssl_password_file=hsl:1 grpc_ssl_protocols=hsl:+ grpc_ssl_server_name=hsl:F grpc_ssl_session_reuse=hsl:F ' +
  'grpc_ssl_trusted_certificate=hsl:1 grpc_ssl_verify=hsl:F grpc_ssl_verify_depth=hsl:1 gunzip=hsl:F gunzip_buffers=hsl:2 gzip=hslf:F ' +
  'gzip_buffers=hsl:2 gzip_comp_level=hsl:1 gzip_disable=hsl:+ gzip_hash=hsl:1 gzip_http_version=hsl:1 gzip_min_length=hsl:1 ' +
  'gzip_no_buffer=hsl:F gzip_proxied=hsl:+ gzip_static=hsl:1 gzip_types=hsl:+ gzip_vary=hsl:F gzip_window=hsl:1 hash=Uu:12 http=M:{0 ' +
  'http2=hs:F http2_body_preread_size=hs:1 http2_chunk_size=hsl:1 http2_idle_timeout=hs:1 http2_max_concurrent_pushes=hs:1 ' +
  'http2_max_concurrent_streams=hs:1 http2_max_field_size=hs:1 http2_max_header_size=hs:1 http2_max_requests=hs:1 ' +
  'http2_pool_size=hs:1 http2_push=hsl:1 http2_push_preload=hsl:F http2_recv_buffer_size=h:1 http2_recv_timeout=hs:1 ' +
  'http2_streams_index_size=hs:1 http3=hs:F http3_hq=hs:F http3_max_concurrent_streams=hs:1 http3_stream_buffer_size=hs:1 if=sl:{+ ' +
  'if_modified_since=hsl:1 ignore_invalid_headers=hs:F imap_auth=AB:+ imap_capabilities=AB:+ imap_client_buffer=AB:1 include=*:1 ' +
  'index=hsl:+ internal=l:0 ip_hash=u:0 keepalive=u:1 keepalive_disable=hsl:12 keepalive_requests=hlsu:1 keepalive_time=hlsu:1 ' +
  'keepalive_timeout=u:1;hsl:12 large_client_header_buffers=hs:2 least_conn=Uu:0 limit_conn=SThls:2 limit_conn_dry_run=SThls:F ' +
  'limit_conn_log_level=SThls:1 limit_conn_status=hsl:1 limit_conn_zone=Th:2 limit_except=l:{+ limit_rate=hslf:1 ' +
  'limit_rate_after=hslf:1 limit_req=hsl:123 limit_req_dry_run=hsl:F limit_req_log_level=hsl:1 limit_req_status=hsl:1 ' +
  'limit_req_zone=h:3 lingering_close=hsl:1 lingering_time=hsl:1 lingering_timeout=hsl:1 listen=BSs:+ load_module=M:1 location=sl:{12 ' +
  'lock_file=M:1 log_format=Th:++ log_not_found=hsl:F log_subrequest=hsl:F mail=M:{0 map=Th:{2 map_hash_bucket_size=Th:1 ' +
  'map_hash_max_size=Th:1 master_process=M:F max_errors=AB:1 max_ranges=hsl:1 memcached_bind=hsl:12 memcached_buffer_size=hsl:1 ' +
  'memcached_connect_timeout=hsl:1 memcached_gzip_flag=hsl:1 memcached_next_upstream=hsl:+ memcached_next_upstream_timeout=hsl:1 ' +
  'memcached_next_upstream_tries=hsl:1 memcached_pass=lf:1 memcached_read_timeout=hsl:1 memcached_send_timeout=hsl:1 ' +
  'memcached_socket_keepalive=hsl:F merge_slashes=hs:F min_delete_depth=hsl:1 mirror=hsl:1 mirror_request_body=hsl:F ' +
  'modern_browser=hsl:12 modern_browser_value=hsl:1 mp4=l:0 mp4_buffer_size=hsl:1 mp4_max_buffer_size=hsl:1 mp4_start_key_frame=hsl:F ' +
  'msie_padding=hsl:F msie_refresh=hsl:F multi_accept=E:F open_file_cache=hsl:12 open_file_cache_errors=hsl:F ' +
  'open_file_cache_events=hsl:F open_file_cache_min_uses=hsl:1 open_file_cache_valid=hsl:1 open_log_file_cache=SThls:1234 ' +
  'output_buffers=hsl:2 override_charset=hslf:F pass=S:1 pcre_jit=M:F pid=M:1 pop3_auth=AB:+ pop3_capabilities=AB:+ ' +
  'port_in_redirect=hsl:F post_action=hslf:1 postpone_gzipping=hsl:1 postpone_output=hsl:1 preread_buffer_size=TS:1 ' +
  'preread_timeout=TS:1 protocol=B:1 proxy=AB:F proxy_bind=SThls:12 proxy_buffer=AB:1 proxy_buffer_size=SThls:1 proxy_buffering=hsl:F ' +
  'proxy_buffers=hsl:2 proxy_busy_buffers_size=hsl:1 proxy_cache=hsl:1 proxy_cache_background_update=hsl:F proxy_cache_bypass=hsl:+ ' +
  'proxy_cache_convert_head=hsl:F proxy_cache_key=hsl:1 proxy_cache_lock=hsl:F proxy_cache_lock_age=hsl:1 ' +
  'proxy_cache_lock_timeout=hsl:1 proxy_cache_max_range_offset=hsl:1 proxy_cache_methods=hsl:+ proxy_cache_min_uses=hsl:1 ' +
  'proxy_cache_path=h:++ proxy_cache_revalidate=hsl:F proxy_cache_use_stale=hsl:+ proxy_cache_valid=hsl:+ ' +
  'proxy_connect_timeout=SThls:1 proxy_cookie_domain=hsl:12 proxy_cookie_flags=hsl:1234 proxy_cookie_path=hsl:12 ' +
  'proxy_download_rate=TS:1 proxy_downstream_buffer=TS:1 proxy_force_ranges=hsl:F proxy_half_close=TS:F ' +
  'proxy_headers_hash_bucket_size=hsl:1 proxy_headers_hash_max_size=hsl:1 proxy_hide_header=hsl:1 proxy_http_version=hsl:1 ' +
  'proxy_ignore_client_abort=hsl:F proxy_ignore_headers=hsl:+ proxy_intercept_errors=hsl:F proxy_limit_rate=hsl:1 ' +
  'proxy_max_temp_file_size=hsl:1 proxy_method=hsl:1 proxy_next_upstream=hsl:+;TS:F proxy_next_upstream_timeout=SThls:1 ' +
  'proxy_next_upstream_tries=SThls:1 proxy_no_cache=hsl:+ proxy_pass=Sflx:1 proxy_pass_error_message=AB:F proxy_pass_header=hsl:1 ' +
  'proxy_pass_request_body=hsl:F proxy_pass_request_headers=hsl:F proxy_pass_trailers=hsl:F proxy_protocol=ABST:F ' +
  'proxy_protocol_timeout=TS:1 proxy_read_timeout=hsl:1 proxy_redirect=hsl:12 proxy_request_buffering=hsl:F proxy_requests=TS:1 ' +
  'proxy_responses=TS:1 proxy_send_lowat=hsl:1 proxy_send_timeout=hsl:1 proxy_set_body=hsl:1 proxy_set_header=hsl:2 ' +
  'proxy_smtp_auth=AB:F proxy_socket_keepalive=SThls:F proxy_ssl=TS:F proxy_ssl_certificate=SThls:1 proxy_ssl_certificate_key=SThls:1 ' +
  'proxy_ssl_ciphers=SThls:1 proxy_ssl_conf_command=SThls:2 proxy_ssl_crl=SThls:1 proxy_ssl_name=SThls:1 ' +
  'proxy_ssl_password_file=SThls:1 proxy_ssl_protocols=SThls:+ proxy_ssl_server_name=SThls:F proxy_ssl_session_reuse=SThls:F ' +
  'proxy_ssl_trusted_certificate=SThls:1 proxy_ssl_verify=SThls:F proxy_ssl_verify_depth=SThls:1 proxy_store=hsl:1 ' +
  'proxy_store_access=hsl:123 proxy_temp_file_write_size=hsl:1 proxy_temp_path=hsl:1234 proxy_timeout=ABST:1 proxy_upload_rate=TS:1 ' +
  'proxy_upstream_buffer=TS:1 quic_active_connection_id_limit=hs:1 quic_bpf=M:F quic_gso=hs:F quic_host_key=hs:1 quic_retry=hs:F ' +
  'random=Uu:012 random_index=l:F read_ahead=hsl:1 real_ip_header=hsl:1 real_ip_recursive=hsl:F recursive_error_pages=hsl:F ' +
  'referer_hash_bucket_size=sl:1 referer_hash_max_size=sl:1 request_pool_size=hs:1 reset_timedout_connection=hsl:F resolver=ABSThls:+ ' +
  'resolver_timeout=ABSThls:1 return=silf:12;S:1 rewrite=silf:23 rewrite_log=hsilf:F root=hslf:1 satisfy=hsl:1 scgi_bind=hsl:12 ' +
  'scgi_buffer_size=hsl:1 scgi_buffering=hsl:F scgi_buffers=hsl:2 scgi_busy_buffers_size=hsl:1 scgi_cache=hsl:1 ' +
  'scgi_cache_background_update=hsl:F scgi_cache_bypass=hsl:+ scgi_cache_key=hsl:1 scgi_cache_lock=hsl:F scgi_cache_lock_age=hsl:1 ' +
  'scgi_cache_lock_timeout=hsl:1 scgi_cache_max_range_offset=hsl:1 scgi_cache_methods=hsl:+ scgi_cache_min_uses=hsl:1 ' +
  'scgi_cache_path=h:++ scgi_cache_revalidate=hsl:F scgi_cache_use_stale=hsl:+ scgi_cache_valid=hsl:+ scgi_connect_timeout=hsl:1 ' +
  'scgi_force_ranges=hsl:F scgi_hide_header=hsl:1 scgi_ignore_client_abort=hsl:F scgi_ignore_headers=hsl:+ ' +
  'scgi_intercept_errors=hsl:F scgi_limit_rate=hsl:1 scgi_max_temp_file_size=hsl:1 scgi_next_upstream=hsl:+ ' +
  'scgi_next_upstream_timeout=hsl:1 scgi_next_upstream_tries=hsl:1 scgi_no_cache=hsl:+ scgi_param=hsl:23 scgi_pass=lf:1 ' +
  'scgi_pass_header=hsl:1 scgi_pass_request_body=hsl:F scgi_pass_request_headers=hsl:F scgi_read_timeout=hsl:1 ' +
  'scgi_request_buffering=hsl:F scgi_send_timeout=hsl:1 scgi_socket_keepalive=hsl:F scgi_store=hsl:1 scgi_store_access=hsl:123 ' +
  'scgi_temp_file_write_size=hsl:1 scgi_temp_path=hsl:1234 secure_link=hsl:1 secure_link_md5=hsl:1 secure_link_secret=hsl:1 ' +
  'send_lowat=hsl:1 send_timeout=hsl:1 sendfile=hslf:F sendfile_max_chunk=hsl:1 server=ATh:{0;Uu:+ server_name=Ss:+;AB:1 ' +
  'server_name_in_redirect=hsl:F server_names_hash_bucket_size=Th:1 server_names_hash_max_size=Th:1 server_tokens=hsl:1 set=Sfils:2 ' +
  'set_real_ip_from=ABSThls:1 slice=hsl:1 smtp_auth=AB:+ smtp_capabilities=AB:+ smtp_client_buffer=AB:1 smtp_greeting_delay=AB:1 ' +
  'source_charset=hslf:1 split_clients=Th:{2 ssi=hslf:F ssi_ignore_recycled_buffers=hsl:F ssi_last_modified=hsl:F ' +
  'ssi_min_file_chunk=hsl:1 ssi_silent_errors=hsl:F ssi_types=hsl:+ ssi_value_length=hsl:1 ssl_alpn=TS:+ ssl_buffer_size=hs:1 ' +
  'ssl_certificate=ABSThs:1 ssl_certificate_key=ABSThs:1 ssl_ciphers=ABSThs:1 ssl_client_certificate=ABSThs:1 ' +
  'ssl_conf_command=ABSThs:2 ssl_crl=ABSThs:1 ssl_dhparam=ABSThs:1 ssl_early_data=hs:F ssl_ecdh_curve=ABSThs:1 ssl_engine=M:1 ' +
  'ssl_handshake_timeout=TS:1 ssl_ocsp=SThs:F ssl_ocsp_cache=SThs:1 ssl_ocsp_responder=SThs:1 ssl_password_file=ABSThs:1 ' +
  'ssl_prefer_server_ciphers=ABSThs:F ssl_preread=TS:F ssl_protocols=ABSThs:+ ssl_reject_handshake=SThs:F ssl_session_cache=ABSThs:12 ' +
  'ssl_session_ticket_key=ABSThs:1 ssl_session_tickets=ABSThs:F ssl_session_timeout=ABSThs:1 ssl_stapling=SThs:F ' +
  'ssl_stapling_file=SThs:1 ssl_stapling_responder=SThs:1 ssl_stapling_verify=SThs:F ssl_trusted_certificate=ABSThs:1 ' +
  'ssl_verify_client=ABSThs:1 ssl_verify_depth=ABSThs:1 starttls=AB:1 stream=M:{0 stub_status=sl:01 sub_filter=hsl:2 ' +
  'sub_filter_last_modified=hsl:F sub_filter_once=hsl:F sub_filter_types=hsl:+ subrequest_output_buffer_size=hsl:1 ' +
  'tcp_nodelay=SThls:F tcp_nopush=hsl:F thread_pool=M:23 timeout=AB:1 timer_resolution=M:1 try_files=sl:++ types=hsl:{0 ' +
  'types_hash_bucket_size=hsl:1 types_hash_max_size=hsl:1 underscores_in_headers=hs:F uninitialized_variable_warn=hsilf:F ' +
  'upstream=Th:{1 use=E:1 user=M:12 userid=hsl:1 userid_domain=hsl:1 userid_expires=hsl:1 userid_flags=hsl:123 userid_mark=hsl:1 ' +
  'userid_name=hsl:1 userid_p3p=hsl:1 userid_path=hsl:1 userid_service=hsl:1 uwsgi_bind=hsl:12 uwsgi_buffer_size=hsl:1 ' +
  'uwsgi_buffering=hsl:F uwsgi_buffers=hsl:2 uwsgi_busy_buffers_size=hsl:1 uwsgi_cache=hsl:1 uwsgi_cache_background_update=hsl:1 ' +
  'uwsgi_cache_bypass=hsl:+ uwsgi_cache_key=hsl:1 uwsgi_cache_lock=hsl:F uwsgi_cache_lock_age=hsl:1 uwsgi_cache_lock_timeout=hsl:1 ' +
  'uwsgi_cache_max_range_offset=hsl:1 uwsgi_cache_methods=hsl:+ uwsgi_cache_min_uses=hsl:1 uwsgi_cache_path=h:++ ' +
  'uwsgi_cache_revalidate=hsl:F uwsgi_cache_use_stale=hsl:+ uwsgi_cache_valid=hsl:+ uwsgi_connect_timeout=hsl:1 ' +
  'uwsgi_force_ranges=hsl:F uwsgi_hide_header=hsl:1 uwsgi_ignore_client_abort=hsl:F uwsgi_ignore_headers=hsl:+ ' +
  'uwsgi_intercept_errors=hsl:F uwsgi_limit_rate=hsl:1 uwsgi_max_temp_file_size=hsl:1 uwsgi_modifier1=hsl:1 uwsgi_modifier2=hsl:1 ' +
  'uwsgi_next_upstream=hsl:+ uwsgi_next_upstream_timeout=hsl:1 uwsgi_next_upstream_tries=hsl:1 uwsgi_no_cache=hsl:+ ' +
  'uwsgi_param=hsl:23 uwsgi_pass=lf:1 uwsgi_pass_header=hsl:1 uwsgi_pass_request_body=hsl:F uwsgi_pass_request_headers=hsl:F ' +
  'uwsgi_read_timeout=hsl:1 uwsgi_request_buffering=hsl:F uwsgi_send_timeout=hsl:1 uwsgi_socket_keepalive=hsl:F ' +
  'uwsgi_ssl_certificate=hsl:1 uwsgi_ssl_certificate_key=hsl:1 uwsgi_ssl_ciphers=hsl:1 uwsgi_ssl_conf_command=hsl:2 ' +
  'uwsgi_ssl_crl=hsl:1 uwsgi_ssl_name=hsl:1 uwsgi_ssl_password_file=hsl:1 uwsgi_ssl_protocols=hsl:+ uwsgi_ssl_server_name=hsl:F ' +
  'uwsgi_ssl_session_reuse=hsl:F uwsgi_ssl_trusted_certificate=hsl:1 uwsgi_ssl_verify=hsl:F uwsgi_ssl_verify_depth=hsl:1 ' +
  'uwsgi_store=hsl:1 uwsgi_store_access=hsl:123 uwsgi_string=hsl:1 uwsgi_temp_file_write_size=hsl:1 uwsgi_temp_path=hsl:1234 ' +
  'valid_referers=sl:+ variables_hash_bucket_size=Th:1 variables_hash_max_size=Th:1 worker_aio_requests=E:1 worker_connections=E:1 ' +
  'worker_cpu_affinity=M:+ worker_priority=M:1 worker_processes=M:1 worker_rlimit_core=M:1 worker_rlimit_nofile=M:1 ' +
  'worker_shutdown_timeout=M:1 working_directory=M:1 xclient=AB:F zone=Uu:12 ';

export interface DirectiveSpec {
  contexts: string;
  args: string;
}

export const DIRECTIVES: Map<string, DirectiveSpec[]> = new Map(
  TABLE.trim()
    .split(/\s+/)
    .map((entry) => {
      const [name, specs] = entry.split('=') as [string, string];
      return [name, specs.split(';').map((s) => {
        const [contexts, args] = s.split(':') as [string, string];
        return { contexts, args };
      })];
    }),
);

/** Whether `count` arguments suit an args spec (ngx_conf_handler's argument_number check). */
export function argsFit(spec: string, count: number): boolean {
  const a = spec.replace('{', '');
  if (a === '*') return true;
  if (a === 'F') return count === 1;
  if (a === '+') return count >= 1;
  if (a === '++') return count >= 2;
  return a.split('').some((d) => Number(d) === count);
}
