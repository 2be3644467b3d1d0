/**
 * awk against the real busybox: a corpus of the programs people write (in
 * tutorials, Dockerfiles, shell scripts), run on both with the same files
 * and input; stdout and the exit status must match. Then the interpreter's
 * own tests, for what the reference cannot show: Debian's busybox-static is
 * built without awk's math (^, sqrt, sin…), and its libc's rand() is not
 * musl's.
 */
import { describe, expect, it } from 'vitest';
import { berth, haveBusybox, real, type CommandCase } from '../../../test/differential.ts';
import { applets } from './index.ts';

const people = 'name age city\nalice 30 paris\nbob 25 london\ncarol 35 paris\ndave 40 berlin\n';
const passwd =
  'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nlearner:x:1000:1000:Berth Learner:/home/learner:/bin/sh\nguest:x:1001:1001::/home/guest:/bin/false\n';
const sales = 'fruit,qty,price\napple,3,0.5\npear,10,0.25\napple,7,0.5\nplum,2,1.2\npear,1,0.25\n';
const words = 'the quick brown fox\njumps over the lazy dog\nthe end\n';
const df = 'Filesystem     1K-blocks    Used Available Use% Mounted on\noverlay         61255492 9876543  48236532  17% /\ntmpfs              65536       0     65536   0% /dev\n/dev/sda1       61255492 9876543  48236532  83% /etc/hosts\n';
const env = 'NAME="berth"\nVERSION=1.2.3\n# comment\nEMPTY=\nPATH_X=/usr/bin:/bin\n';
const log =
  '127.0.0.1 - - [10/Oct/2023:13:55:36] "GET /index.html HTTP/1.1" 200 2326\n10.0.0.2 - - [10/Oct/2023:13:56:01] "GET /missing HTTP/1.1" 404 512\n127.0.0.1 - - [10/Oct/2023:13:57:12] "POST /api HTTP/1.1" 500 128\n10.0.0.2 - - [10/Oct/2023:13:58:40] "GET /index.html HTTP/1.1" 200 2326\n';
const numbers = '5\n3\n10\n-2\n7.5\n';
const ini = '[server]\nport = 8080\nhost = example.org\n\n[client]\nretries = 3\n';

const cases: [string[], CommandCase?][] = [
  // ---- fields -------------------------------------------------------------------
  [['awk', '{ print $1 }', 'f'], { files: { f: people } }],
  [['awk', '{ print $NF }', 'f'], { files: { f: people } }],
  [['awk', '{ print $(NF-1) }', 'f'], { files: { f: people } }],
  [['awk', '{ print $2, $1 }', 'f'], { files: { f: people } }],
  [['awk', '{ print $1 $2 }', 'f'], { files: { f: people } }],
  [['awk', '{ print NF ":" $0 }'], { stdin: '  a   b  \n\n\tc\td\n' }],
  [['awk', '-F:', '{ print $1, $7 }', 'passwd'], { files: { passwd } }],
  [['awk', '-F:', '$3 >= 1000 { print $1 }', 'passwd'], { files: { passwd } }],
  [['awk', '-F:', '{ print $1 ":" $NF }', 'passwd'], { files: { passwd } }],
  [['awk', '-F', ':', 'NR == 2 { print $6 }', 'passwd'], { files: { passwd } }],
  [['awk', '-F,', 'NR > 1 { print $1 }', 'sales'], { files: { sales } }],
  [['awk', '-F\\t', '{ print $2 }'], { stdin: 'a\tb c\td\n1\t2\n' }],
  [['awk', '-F', '[,;]', '{ print $2 }'], { stdin: 'a,b;c\nx;y,z\n' }],
  [['awk', '-F', ', *', '{ print $3 }'], { stdin: 'a, b,c,   d\n' }],
  [['awk', '-F|', '{ print $2 }'], { stdin: 'a|b|c\n' }],
  [['awk', '-F.', '{ print $1 }'], { stdin: '1.2.3\n' }],
  [['awk', '-F', '', '{ print $1, $3, NF }'], { stdin: 'hello\n' }],
  [['awk', 'BEGIN { FS = ":" } { print $1 }', 'passwd'], { files: { passwd } }],
  [['awk', '{ FS = ":"; print $1 }'], { stdin: 'a:b c\nd:e f\n' }],
  [['awk', 'BEGIN { OFS = "-" } { $1 = $1; print }'], { stdin: 'a b c\nd  e\n' }],
  [['awk', 'BEGIN { OFS = "\\t" } { print $1, $2 }', 'f'], { files: { f: people } }],
  [['awk', '{ $2 = ""; print }', 'f'], { files: { f: people } }],
  [['awk', '{ $1 = ""; print substr($0, 2) }', 'f'], { files: { f: people } }],
  [['awk', '{ $5 = "X"; print; print NF }'], { stdin: 'a b c\n' }],
  [['awk', '{ NF = 2; print }', 'f'], { files: { f: people } }],
  [['awk', '{ NF++; $NF = "new"; print }'], { stdin: 'a b\n' }],
  [['awk', '{ $0 = "x y z"; print $2, NF }'], { stdin: 'a\n' }],
  [['awk', '{ $3 = $1 + $2 } 1'], { stdin: '1 2\n3 4\n' }],
  [['awk', '{ print $1 + $2 }'], { stdin: '1 2\n3.5 -1\n' }],
  [['awk', '{ for (i = NF; i > 0; i--) printf "%s%s", $i, (i > 1 ? " " : "\\n") }'], { stdin: 'a b c\n1 2\n' }],
  [['awk', '{ print $10 == "", NF }'], { stdin: 'a b\n' }],
  [['awk', 'BEGIN { getline; print $2 }'], { stdin: 'first second\n' }],
  [['awk', '-v', 'OFS=,', '{ $1 = $1 } 1'], { stdin: 'a b c\n' }],
  [['awk', '{ print $1 }', 'FS=,', 'f'], { files: { f: 'a,b\nc,d\n' } }],

  // ---- sums, counts, averages ----------------------------------------------------
  [['awk', '{ s += $1 } END { print s }'], { stdin: numbers }],
  [['awk', '{ s += $1 } END { print s / NR }'], { stdin: numbers }],
  [['awk', '{ s += $1 } END { printf "%.2f\\n", s / NR }'], { stdin: numbers }],
  [['awk', 'NR == 1 || $1 > max { max = $1 } END { print max }'], { stdin: numbers }],
  [['awk', 'NR == 1 { min = $1 } $1 < min { min = $1 } END { print min }'], { stdin: numbers }],
  [['awk', 'END { print NR }', 'f'], { files: { f: people } }],
  [['awk', '/paris/ { n++ } END { print n + 0 }', 'f'], { files: { f: people } }],
  [['awk', '-F,', 'NR > 1 { t += $2 * $3 } END { print t }', 'sales'], { files: { sales } }],
  [['awk', '-F,', 'NR > 1 { q[$1] += $2 } END { for (k in q) print k, q[k] }', 'sales'], { files: { sales } }],
  [['awk', '{ w += NF; c += length($0) + 1 } END { print NR, w, c }', 'f'], { files: { f: words } }],
  [['awk', '{ for (i = 1; i <= NF; i++) n[$i]++ } END { for (w in n) print w, n[w] }', 'f'], { files: { f: words } }],
  [['awk', '{ s = 0; for (i = 1; i <= NF; i++) s += $i; print s }'], { stdin: '1 2 3\n4 5\n\n' }],
  [['awk', '{ for (i = 1; i <= NF; i++) col[i] += $i } END { for (i = 1; i <= 3; i++) printf "%d ", col[i]; print "" }'], { stdin: '1 2 3\n4 5 6\n' }],
  [['awk', '$9 == 404 { n++ } END { print n " not found" }', 'log'], { files: { log } }],
  [['awk', '{ bytes[$1] += $NF } END { for (ip in bytes) print ip, bytes[ip] }', 'log'], { files: { log } }],
  [['awk', 'NR > 1 { sub(/%/, "", $5); if ($5 > 80) print $6 }', 'df'], { files: { df } }],
  [['awk', 'NR > 1 { print $5 }', 'df'], { files: { df } }],
  [['awk', '{ n[$1]++ } END { for (k in n) if (n[k] > 1) print k }', 'log'], { files: { log } }],

  // ---- patterns -------------------------------------------------------------------
  [['awk', '/paris/', 'f'], { files: { f: people } }],
  [['awk', '!/paris/', 'f'], { files: { f: people } }],
  [['awk', '$3 ~ /^l/', 'f'], { files: { f: people } }],
  [['awk', '$3 !~ /^l/ { print $1 }', 'f'], { files: { f: people } }],
  [['awk', 'NR == 2', 'f'], { files: { f: people } }],
  [['awk', 'NR > 1 && $2 > 28', 'f'], { files: { f: people } }],
  [['awk', 'NR % 2', 'f'], { files: { f: people } }],
  [['awk', 'NF'], { stdin: 'a\n\n  \nb c\n' }],
  [['awk', 'length > 10'], { stdin: 'short\na much longer line\n12345678901\n' }],
  [['awk', 'length($0) < 6'], { stdin: 'short\na much longer line\n' }],
  [['awk', '/bob/,/dave/', 'f'], { files: { f: people } }],
  [['awk', 'NR == 2, NR == 3 { print NR }', 'f'], { files: { f: people } }],
  [['awk', '/^\\[client\\]/, /^$/', 'ini'], { files: { ini } }],
  [['awk', '/start/,/end/ { print NR }'], { stdin: 'a\nstart end\nb\nstart\nc\nend\nd\n' }],
  [['awk', '$2 >= 30 { print $1 } $2 < 30 { print "young", $1 }', 'f'], { files: { f: people } }],
  [['awk', '/a/ && /o/', 'f'], { files: { f: words } }],
  [['awk', '/fox|dog/ { print NR }', 'f'], { files: { f: words } }],
  [['awk', '$0 ~ "qu.ck"', 'f'], { files: { f: words } }],
  [['awk', '/^[0-9]+$/'], { stdin: '123\n12a\n\n007\n' }],
  [['awk', '/[[:upper:]]/'], { stdin: 'abc\naBc\n123\n' }],
  [['awk', '/^#/ { next } { print }', 'env'], { files: { env } }],
  [['awk', '!seen[$0]++'], { stdin: 'a\nb\na\nc\nb\n' }],
  [['awk', '!($1 in seen) { seen[$1]; print $1 }', 'log'], { files: { log } }],
  [['awk', 'NR == FNR { a[$1]; next } $1 in a', 'a', 'b'], { files: { a: 'x\ny\n', b: 'y 1\nz 2\nx 3\n' } }],
  [['awk', 'END { print $0, NF }'], { stdin: 'a b\nlast line here\n' }],
  [['awk', 'BEGIN { print "only begin" }'], { stdin: 'ignored\n' }],

  // ---- printf ---------------------------------------------------------------------
  [['awk', '{ printf "%-8s|%5d|%6.2f\\n", $1, $2, $2 / 7 }', 'f'], { files: { f: people } }],
  [['awk', 'BEGIN { printf "%5.2f|%-5d|%05d|%x|%X|%o|%e|%E|%g|%G|%c|%c|%10s|%-10s|%.2s|%%|%i|%u\\n", 3.14159, 42, 42, 255, 255, 8, 1234.5, 0.00012, 0.0001, 1e20, 65, "hello", "hi", "hi", "hello", 7, -1 }']],
  [['awk', 'BEGIN { printf "%d %d %d\\n", 3.99, -3.99, "12abc" }']],
  [['awk', 'BEGIN { printf "%s %s %s\\n", "a" }']],
  [['awk', 'BEGIN { printf "[%5s][%-5s][%.1s]\\n", "ab", "ab", "ab" }']],
  [['awk', 'BEGIN { printf "%+d % d %+.1f\\n", 5, 5, 2.25 }']],
  [['awk', 'BEGIN { printf "%#o %#x %#.3g\\n", 8, 255, 1 }']],
  [['awk', 'BEGIN { printf "%.0f %.0f %.0f %.0f\\n", 0.5, 1.5, 2.5, 3.5 }']],
  [['awk', 'BEGIN { printf "%.2f %.2f %.3f\\n", 0.125, 0.375, 1.0005 }']],
  [['awk', 'BEGIN { printf "%5.1e|%G|%g|%g\\n", 123456, 1e-10, 100000, 1000000 }']],
  [['awk', 'BEGIN { printf "%c%c%c\\n", 65, "BC", 256 + 66 }']],
  [['awk', 'BEGIN { printf "%5%|%d\\n", 3 }']],
  [['awk', 'BEGIN { printf "100%\\n"; printf "%" }']],
  [['awk', 'BEGIN { x = sprintf("%d%%", 50); print x, length(x) }']],
  [['awk', 'BEGIN { printf "%s\\n" }']],
  [['awk', '{ printf "%s%s", sep, $1; sep = "," } END { print "" }', 'f'], { files: { f: people } }],
  [['awk', '{ printf("%3d: %s\\n", NR, $0) }', 'f'], { files: { f: words } }],
  [['awk', 'BEGIN { printf "%d\\n", 2147483648; printf "%d\\n", -2147483649 }']],
  [['awk', 'BEGIN { printf "%x %o %u\\n", -1, -1, -1 }']],
  [['awk', 'BEGIN { printf "%5c|%-3c|\\n", "x", 66 }']],
  [['awk', 'BEGIN { printf "%ld\\n", 1 }']],
  [['awk', 'BEGIN { printf "%*d\\n", 5, 1 }']],

  // ---- strings ------------------------------------------------------------------------
  [['awk', '{ print length }', 'f'], { files: { f: words } }],
  [['awk', '{ print length() }', 'f'], { files: { f: words } }],
  [['awk', 'BEGIN { print length("héllo"), length(12345), length() }']],
  [['awk', 'BEGIN { s = "hello"; print substr(s, 2, 3), substr(s, 0, 2), substr(s, -1), substr(s, 4), substr(s, 10), substr(s, 2, -1) "|" }']],
  [['awk', 'BEGIN { print substr("hello", 1.5, 2.3), substr("hello", 2, 1e10) "|" }']],
  [['awk', 'BEGIN { print index("hello", "ll"), index("hello", "z"), index("hello", ""), index("", "a") }']],
  [['awk', 'BEGIN { print toupper("abc Déf 123"), tolower("ABC xYz") }']],
  [['awk', '{ print toupper(substr($0, 1, 1)) substr($0, 2) }', 'f'], { files: { f: words } }],
  [['awk', 'BEGIN { print match("foobar", /o+/), RSTART, RLENGTH }']],
  [['awk', 'BEGIN { print match("foobar", "z"), RSTART, RLENGTH }']],
  [['awk', 'BEGIN { match("xabcd", /ab|abcd/); print RSTART, RLENGTH }']],
  [['awk', '{ if (match($0, /[0-9]+/)) print substr($0, RSTART, RLENGTH) }'], { stdin: 'abc123def\nno digits\nv2.10\n' }],
  [['awk', 'match($0, /"[A-Z]+ [^ ]+/) { print substr($0, RSTART + 1, RLENGTH - 1) }', 'log'], { files: { log } }],
  [['awk', 'BEGIN { s = "a.b.c"; n = split(s, p, "."); print n, p[1], p[3] }']],
  [['awk', 'BEGIN { n = split("a1b22c333d", p, /[0-9]+/); for (i = 1; i <= n; i++) printf "%s,", p[i]; print n }']],
  [['awk', 'BEGIN { n = split("  a  b  ", p); print n, "[" p[1] "]", "[" p[2] "]" }']],
  [['awk', 'BEGIN { n = split("abc", p, ""); print n, p[1], p[3] }']],
  [['awk', 'BEGIN { n = split("", p); print n, length(p) }']],
  [['awk', 'BEGIN { n = split("a--b--", p, "--"); print n, p[1], p[2], "[" p[3] "]" }']],
  [['awk', '{ n = split($0, a, ":"); print a[n] }', 'passwd'], { files: { passwd } }],
  [['awk', 'BEGIN { split("3 1 2", a); print a[1] < a[2], a[1] < 10 }']],
  [['awk', 'BEGIN { s = "hello world"; gsub(/o/, "0", s); print s }']],
  [['awk', '{ gsub(/a/, "[&]"); print }'], { stdin: 'banana\n' }],
  [['awk', '{ gsub(/a/, "\\\\&"); print }'], { stdin: 'banana\n' }],
  [['awk', '{ gsub(/a/, "\\\\\\\\&"); print }'], { stdin: 'banana\n' }],
  [['awk', '{ n = gsub(/an/, "AN"); print n, $0 }'], { stdin: 'banana\n' }],
  [['awk', '{ sub(/an/, "AN"); print }'], { stdin: 'banana\n' }],
  [['awk', '{ sub(/^[ \\t]+/, ""); print "[" $0 "]" }'], { stdin: '   lead\n\t tab\n' }],
  [['awk', '{ gsub(/[ \\t]+$/, ""); print "[" $0 "]" }'], { stdin: 'trail   \nnone\n' }],
  [['awk', '{ gsub(/^ +| +$/, ""); print "[" $0 "]" }'], { stdin: '  both  \n' }],
  [['awk', 'BEGIN { s = "abc"; gsub(/x*/, "-", s); print s }']],
  [['awk', 'BEGIN { s = "abc"; gsub(/b*/, "-", s); print s }']],
  [['awk', 'BEGIN { s = "aaa"; print gsub(/^a/, "b", s), s }']],
  [['awk', '{ gsub(/o/, "0", $2); print; print NF }'], { stdin: 'foo boo zoo\n' }],
  [['awk', '-v', 'OFS=-', '{ sub(/z/, "", $1); print }'], { stdin: 'a b c\n' }],
  [['awk', '{ gsub("\\\\.", "!"); print }'], { stdin: 'a.b.c\n' }],
  [['awk', '{ gsub(".", "!"); print }'], { stdin: 'a.b\n' }],
  [['awk', '{ gsub(/[aeiou]/, ""); print }', 'f'], { files: { f: words } }],
  [['awk', '-F=', '/^[A-Z_]+=/ { gsub(/"/, "", $2); print $1 " -> " $2 }', 'env'], { files: { env } }],
  [['awk', '-F=', '$1 == "VERSION" { print $2 }', 'env'], { files: { env } }],
  [['awk', '-F=', '/^VERSION/ { split($2, v, "."); print v[1] "." v[2] }', 'env'], { files: { env } }],
  [['awk', '-F', ' *= *', '/^\\[/ { s = substr($0, 2, length($0) - 2); next } NF == 2 { print s "." $1 "=" $2 }', 'ini'], { files: { ini } }],
  [['awk', 'BEGIN { s = sprintf("%s-%03d", "id", 7); print s }']],
  [['awk', 'BEGIN { x = "abc"; print x > "out"; close("out"); getline y < "out"; print "read", y }']],

  // ---- arrays ---------------------------------------------------------------------------
  [['awk', '{ a[NR] = $0 } END { for (i = NR; i > 0; i--) print a[i] }', 'f'], { files: { f: words } }],
  [['awk', 'BEGIN { a["x"] = 1; delete a["x"]; print ("x" in a), length(a) }']],
  [['awk', 'BEGIN { a[1]; a[2]; delete a; print length(a) }']],
  [['awk', 'BEGIN { a[1, 2] = 3; for (k in a) { split(k, p, SUBSEP); print p[1], p[2], a[k] } }']],
  [['awk', 'BEGIN { a[1, 2] = 3; print ((1, 2) in a), ((2, 1) in a) }']],
  [['awk', 'BEGIN { SUBSEP = ":"; a["x", "y"] = 1; for (k in a) print k }']],
  [['awk', 'BEGIN { for (i = 0; i < 30; i++) a[i]; for (k in a) printf "%s ", k; print "" }']],
  [['awk', 'BEGIN { for (i = 0; i < 600; i++) a[i]; n = 0; for (k in a) { printf "%s ", k; if (++n > 50) break }; print "" }']],
  [['awk', 'BEGIN { split("banana apple cherry date elderberry fig grape", f); for (i in f) a[f[i]] = i; for (k in a) print k, a[k] }']],
  [['awk', 'BEGIN { a["x"]; a["y"]; a["z"]; a[1]; a[2]; a[10]; a["foo"]; for (k in a) printf "%s ", k; print "" }']],
  [['awk', 'BEGIN { a[1]; for (k in a) { delete a[k]; a[k "x"] }; for (k in a) print k }']],
  [['awk', 'BEGIN { if ("x" in a) print "yes"; else print "no"; print length(a) }']],
  [['awk', 'BEGIN { a["k"]; if (a["k"] == "") print "empty"; if (a["k"] == 0) print "zero" }']],
  [['awk', 'BEGIN { x[1] = 1; x[01] = 2; x["1"] = 3; x["01"] = 4; for (k in x) print k, x[k] }']],
  [['awk', 'BEGIN { a[0.1 + 0.2] = 1; for (k in a) print k }']],
  [['awk', '{ line[NR] = $0 } END { for (i = 1; i <= NR; i += 2) print line[i] }', 'f'], { files: { f: people } }],
  [['awk', '{ for (i = 1; i <= NF; i++) m[NR, i] = $i } END { for (i = 1; i <= 3; i++) { for (j = 1; j <= NR; j++) printf "%s ", m[j, i]; print "" } }'], { stdin: '1 2 3\n4 5 6\n' }],

  // ---- variables, numbers and strings ---------------------------------------------------
  [['awk', 'BEGIN { print x + 0, x "", length(x), (x == 0), (x == "") }']],
  [['awk', 'BEGIN { x = y; print (x == 0), (x == "") }']],
  [['awk', 'BEGIN { print 1 == 1.0, "1" == 1, "abc" < "abd", "10" < "9", 10 < 9 }']],
  [['awk', '{ print ($1 < $2), ($1 == $2) }'], { stdin: '10 9\n1e2 100\nabc abd\n 5  5\n0x1A 26\n.5 0.5\n+3 3\n' }],
  [['awk', '{ print ($1 == 0) }'], { stdin: '0\n0.0\n-0\n\nzero\n' }],
  [['awk', 'BEGIN { print 0.1 + 0.2, 1e6, 1e16, 123456789, 1234567.5, 100 / 3, -0, 1e300 * 1e300 }']],
  [['awk', 'BEGIN { print 1e6 "", 1234567.5 "", 0.000001 "", 17 "" }']],
  [['awk', 'BEGIN { CONVFMT = "%.2g"; x = 3.14159; y = x ""; print y; OFMT = "%.3f"; print x, 17, 1e3 }']],
  [['awk', 'BEGIN { OFMT = "%.2f"; x = 3.14159; print x, x "" }']],
  [['awk', 'BEGIN { print 7 % 3, -7 % 3, 7.5 % 2, 10 / 4, int(3.9), int(-3.9), int("4.5abc") }']],
  [['awk', 'BEGIN { x = 5; x += 2; x -= 1; x *= 3; x /= 2; x %= 5; print x }']],
  [['awk', 'BEGIN { i = 5; print i++, i, ++i, i--, --i }']],
  [['awk', 'BEGIN { print 1 - 1 " " 2, 1 " " -1, -1 " " -1 }']],
  [['awk', 'BEGIN { x = "3x"; print x + 1, -x, !x, !"", !0, !"0" }']],
  [['awk', 'BEGIN { print 1 < 2 ? "yes" : "no", (2 < 1) ? "a" : (3 < 4) ? "b" : "c" }']],
  [['awk', 'BEGIN { print 1 && 0, 1 || 0, !1, "" || "a", 0 && x++ , x + 0 }']],
  [['awk', 'BEGIN { print 010, 0x10, 1e3, .5, 5. }']],
  [['awk', 'BEGIN { print 2147483647 + 1, 2147483648 * 2 "" }']],
  [['awk', 'BEGIN { print 9007199254740993, 123456789012345678 }']],
  [['awk', 'BEGIN { print 1/3 * 3 == 1, 0.1 * 3 == 0.3 }']],
  [['awk', 'BEGIN { print length(1/3), 1/3 "" }']],
  [['awk', 'BEGIN { x["a"] = 5; y = x["a"] x["b"]; print y, length(y) }']],
  [['awk', 'BEGIN { printf "%s %s\\n", 100000 * 100000, 1e15 * 1e5 }']],
  [['awk', 'BEGIN { "x" > "y"; print "done" }']],
  [['awk', 'BEGIN { $0 = "a b c"; print NF; NF = 5; print $0 "|"; $7 = "g"; print NF, $0 }']],
  [['awk', 'BEGIN { $3 = "c"; print NF, "[" $0 "]" }']],
  [['awk', 'BEGIN { print NF, NR, FNR, "[" FILENAME "]", FS == " ", OFS == " ", RS == "\\n", SUBSEP == "\\034" }']],
  [['awk', '{ print FILENAME, FNR, NR }', 'a', 'b'], { files: { a: '1\n2\n', b: '3\n' } }],
  [['awk', '{ print FILENAME }'], { stdin: 'x\n' }],
  [['awk', 'BEGIN { for (i = 0; i < ARGC; i++) print i, ARGV[i] }', 'x', 'y=1', '-z']],
  [['awk', '{ print v, $0 }', 'v=1', 'a', 'v=2', 'a'], { files: { a: 'line\n' } }],
  [['awk', '-v', 'x=hello', '-v', 'n=3', 'BEGIN { print x, n + 1 }']],
  [['awk', '-v', 's=a\\tb\\n', 'BEGIN { printf "[%s]", s }']],
  [['awk', '-v', 'n=10', 'BEGIN { print (n < 9), (n == "10") }']],
  [['awk', 'BEGIN { print ENVIRON["HOME"] }']],
  [['awk', 'BEGIN { ARGV[1] = "b"; ARGC = 2 } { print }', 'a'], { files: { a: 'from a\n', b: 'from b\n' } }],
  [['awk', 'BEGIN { ARGV[ARGC++] = "b" } { print FILENAME ": " $0 }', 'a'], { files: { a: 'A\n', b: 'B\n' } }],
  [['awk', 'BEGIN { delete ARGV[1] } { print }', 'missing', 'a'], { files: { a: 'ok\n' } }],

  // ---- control flow -------------------------------------------------------------------
  [['awk', 'BEGIN { for (i = 1; i <= 5; i++) { if (i == 2) continue; if (i == 4) break; print i } }']],
  [['awk', 'BEGIN { i = 0; while (i < 3) print i++; do print "do", i; while (i++ < 4) }']],
  [['awk', 'BEGIN { for (;;) { if (++n > 3) break }; print n }']],
  [['awk', 'BEGIN { if (1) if (0) print "a"; else print "b" }']],
  [['awk', 'BEGIN {\n  if (1)\n    print "one"\n  else\n    print "two"\n  x = 1 +\n    2\n  print x\n}']],
  [['awk', '{ if ($2 > 30) print $1, "old"; else if ($2 > 26) print $1, "mid"; else print $1, "young" }', 'f'], { files: { f: people } }],
  [['awk', 'NR == 3 { exit } { print }', 'f'], { files: { f: people } }],
  [['awk', '{ print } NR == 2 { exit 3 } END { print "end", NR }', 'f'], { files: { f: people } }],
  [['awk', 'BEGIN { exit 4 } END { print "end runs" }']],
  [['awk', 'END { exit } END { print "not reached" }'], { stdin: 'x\n' }],
  [['awk', 'BEGIN { exit -1 }']],
  [['awk', '{ print; next; print "never" }'], { stdin: 'a\nb\n' }],
  [['awk', 'FNR == 2 { nextfile } { print FILENAME, $0 }', 'a', 'b'], { files: { a: '1\n2\n3\n', b: '4\n5\n' } }],
  [['awk', 'function f(x) { return x * 2 } { print f($1) }'], { stdin: '1\n2.5\n' }],
  [['awk', 'function fact(n) { return n <= 1 ? 1 : n * fact(n - 1) } BEGIN { print fact(10), fact(20) }']],
  [['awk', 'function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2) } BEGIN { print fib(15) }']],
  [['awk', 'function f(a, b,   tmp) { tmp = a; a = b; b = tmp; return a "-" b } BEGIN { x = 1; y = 2; print f(x, y), x, y, tmp "" }']],
  [['awk', 'function fill(arr, n) { for (i = 1; i <= n; i++) arr[i] = i * i } BEGIN { fill(sq, 4); for (i = 1; i <= 4; i++) printf "%d ", sq[i]; print "" }']],
  [['awk', 'function f() {} BEGIN { x = f(); print (x == 0), (x == ""), length(x) }']],
  [['awk', 'function f(a) { return length(a) } BEGIN { x[1]; x[2]; print f(x), length(x) }']],
  [['awk', 'function max(a, b) { return a > b ? a : b } { m = max(m, $1 + 0) } END { print m }'], { stdin: numbers }],
  [['awk', 'function g(s) { sub(/a/, "b", s); return s } BEGIN { t = "aa"; print g(t), t }']],
  [['awk', 'function p(x) { print "in p", x } BEGIN { p("a"); p() }']],
  [['awk', 'function rev(s,   r, i) { for (i = length(s); i > 0; i--) r = r substr(s, i, 1); return r } { print rev($0) }'], { stdin: 'hello\nabc\n' }],
  [['awk', 'function f(n) { if (n > 0) { print n; f(n - 1) } } BEGIN { f(3) }']],
  [['awk', 'function chk(x) { if (x > 2) next; return x } { print chk($1) }'], { stdin: '1\n5\n2\n' }],

  // ---- records --------------------------------------------------------------------------
  [['awk', 'BEGIN { RS = "" } { print NR ": " $1 " (" NF ")" }'], { stdin: 'a b\nc\n\n\nd e f\n\ng\n' }],
  [['awk', 'BEGIN { RS = ""; FS = ":" } { print $2 }'], { stdin: 'a:b\nc:d\n\ne:f\n' }],
  [['awk', 'BEGIN { RS = "" } { print "[" $0 "]" }'], { stdin: '\n\na\nb\n\n\nc\n' }],
  [['awk', 'BEGIN { RS = "" } { print NR }'], { stdin: '\n\n\n' }],
  [['awk', 'BEGIN { RS = ";" } { print NR ": [" $0 "]" }'], { stdin: 'a;b;c\n' }],
  [['awk', 'BEGIN { RS = "--+" } { print NR ": " $0 }'], { stdin: 'a--b---c\n' }],
  [['awk', 'BEGIN { ORS = ";" } { print $1 } END { printf "\\n" }', 'f'], { files: { f: people } }],
  [['awk', '{ print NR, $0 }'], { stdin: 'no newline at end' }],
  [['awk', '{ print NR ": " $0 }'], { stdin: '\n\nthird\n' }],
  [['awk', 'BEGIN { while ((getline line < "f") > 0) n++; print n, line }'], { files: { f: people } }],
  [['awk', 'BEGIN { print (getline line < "missing") }']],
  [['awk', '{ getline; print "got", $0 }'], { stdin: '1\n2\n3\n' }],
  [['awk', '{ getline x; print $0, x, NR }'], { stdin: '1\n2\n3\n4\n' }],
  [['awk', 'NR == 1 { while ((getline l) > 0) last = l } END { print last, NR }'], { stdin: 'a\nb\nc\n' }],
  [['awk', 'BEGIN { getline l < "f"; getline m < "f"; close("f"); getline n < "f"; print l "|" m "|" n }'], { files: { f: 'one\ntwo\n' } }],
  [['awk', '{ print > "out" } END { close("out"); while ((getline l < "out") > 0) print "copy:", l }'], { stdin: 'x\ny\n' }],
  [['awk', '{ print >> "out" } END { close("out"); while ((getline l < "out") > 0) print l }'], { stdin: 'new\n', files: { out: 'old\n' } }],
  [['awk', 'BEGIN { printf "a" > "/dev/stdout"; print "b" }']],
  [['awk', 'BEGIN { print "err" > "/dev/stderr"; print "out" }']],

  // ---- syntax and errors ------------------------------------------------------------------
  [['awk', 'BEGIN { x']],
  [['awk', 'BEGIN { print 1/0 }']],
  [['awk', 'BEGIN { x = 5 % 0 }']],
  [['awk', '{ print }', 'nofile']],
  [['awk']],
  [['awk', 'BEGIN']],
  [['awk', 'BEGIN\n{ print 1 }']],
  [['awk', '{ print $-1 }'], { stdin: 'a\n' }],
  [['awk', 'BEGIN { f() }']],
  [['awk', 'function f(a) { } function f(b) { }']],
  [['awk', 'BEGIN { break }']],
  [['awk', 'BEGIN { print "unterminated }']],
  [['awk', 'BEGIN { print substr("x") }']],
  [['awk', 'BEGIN { print length(1, 2) }']],
  [['awk', '/[a/']],
  [['awk', 'BEGIN { if ("a" ~ "(") print "paren ok" }']],
  [['awk', 'BEGIN { s = "f(x)"; gsub("(", "[", s); print s }']],
  [['awk', 'BEGIN { printf "%d\\n" 1 }']],
  [['awk', 'BEGIN { print 1.2.3 }']],
  [['awk', 'BEGIN { getline x < "nofile"; print "ok" }']],
  [['awk', '-f', 'prog.awk', 'data'], { files: { 'prog.awk': '# a comment\n{ total += $1 }\nEND {\n  print "total:", total\n}\n', data: '1\n2\n3\n' } }],
  [['awk', '-f', 'missing.awk']],
  [['awk', '-f', 'bad.awk'], { files: { 'bad.awk': 'BEGIN {\n  print 1\n  x = (\n}\n' } }],
  [['awk', '-e', 'BEGIN { print "e" }']],
  [['awk', '--', '{ print "dd" }'], { stdin: 'x\n' }],
  [['awk', '-q', '1']],
  [['awk', '-v', 'bad', '1']],
  [['awk', ''], { stdin: 'x\n' }],
  [['awk', '{}'], { stdin: 'x\n' }],
  [['awk', 'BEGIN { printf "a\\052b\\x41\\/\\"\\q\\n" }']],
  [['awk', 'BEGIN { print "a" "b", "c" \\\n "d" }']],
  [['awk', 'BEGIN { print length "x" }']],
  [['awk', 'BEGIN { x["a"] = 1; print x["a"]++ + ++x["a"], x["a"] }']],
  [['awk', 'BEGIN { a = "A"; b = "B"; print a" "b; print a""b }']],
  [['awk', 'BEGIN { print -"3" + 4, +"5x" }']],
  [['awk', 'BEGIN { n = split("x", a); print a[1] a[2] "." }']],
  [['awk', '$1 == "x" { print "matched" ; print "twice" } ; $1 == "y"'], { stdin: 'x\ny\n' }],

  // ---- more edges: regexes, strnums, records, parsing ----------------------------------
  [['awk', '{ print ($0 ~ /^[a-c]+$/), ($0 ~ /[^a-c]/), ($0 ~ /^.$/) }'], { stdin: 'abc\nabd\nx\n\n' }],
  [['awk', '$0 ~ "\\\\."'], { stdin: 'a.b\nab\n' }],
  [['awk', 'BEGIN { re = "^a.c$" } $0 ~ re'], { stdin: 'abc\naXc\nabcd\n' }],
  [['awk', '/a\\/b/'], { stdin: 'a/b\nab\n' }],
  [['awk', '/\\<fo/'], { stdin: 'foo\nafoo\na fox\n' }],
  [['awk', '{ print match($0, /(ab|a)(bc|c)?/), RLENGTH }'], { stdin: 'abc\nxabcx\n' }],
  [['awk', '{ gsub(/[[:space:]]+/, " "); print }'], { stdin: 'a \t b\n' }],
  [['awk', '{ print ($1 ~ 1) }'], { stdin: '10\n20\n' }],
  [['awk', '{ getline line < "f"; print $0, line, NR }', 'f'], { files: { f: 'x\ny\n' } }],
  [['awk', 'BEGIN { FS = " +" } { print NF, "[" $1 "]", $2 }'], { stdin: '  a b\n' }],
  [['awk', '-F\\t', '{ print NF, "[" $2 "]" }'], { stdin: 'a\t\tc\n' }],
  [['awk', '{ NF = 0; print "[" $0 "]", NF }'], { stdin: 'a b\n' }],
  [['awk', '{ $7 = "x" } 1', 'OFS=:'], { stdin: 'a b\n' }],
  [['awk', '{ print $"2abc", $(1+1), $100 "|" NF }'], { stdin: 'a b c\n' }],
  [['awk', 'BEGIN { print 1 " " 2+3, 1 2 * 3, 2 3 }']],
  [['awk', 'BEGIN { x = y = 3; a += b += 2; print x, y, a, b, !z++, !z++, z }']],
  [['awk', 'BEGIN { print 1 ? 2 ? "a" : "b" : "c", 0 ? "x" : 0 ? "y" : "z" }']],
  [['awk', 'BEGIN { printf "%s %s %d %d %s\\n", 0.1 + 0.2, 1e6, "0x1A", "1e3", 3.0 }']],
  [['awk', '{ print $1 + 0, ($1 < 5) }'], { stdin: '+1\n-.5\n 12 \n1e\ne1\n0x\ninf\nnan\ninfinity\n-inf\n.\n1e+3x\n' }],
  [['awk', 'BEGIN { n = split(" \\t a \\n b ", x, " "); print n, x[1], x[2]; n = split(":a:b", y, ":"); print n, "[" y[1] "]", y[3] }']],
  [['awk', 'BEGIN { RS = "\\n\\n" } { print NR ": " $0 }'], { stdin: 'a\nb\n\nc\n' }],
  [['awk', 'BEGIN { print "a" > "o"; close("o"); print "b" > "o"; close("o"); getline x < "o"; print x }']],
  [['awk', 'BEGIN { s = sprintf("%1000s", "x"); print length(s), substr(s, 999) }']],
  [['awk', 'NR == 1, /b/ { print "r", $0 }'], { stdin: 'b\nx\nb\n' }],
  [['awk', '{ print } # comment here\n# another\nEND { print "e" } # end'], { stdin: 'l\n' }],
  [['awk', '{ print > $1 ".txt" } END { close("a.txt"); getline l < "a.txt"; print l }'], { stdin: 'a 1\n' }],
  [['awk', 'BEGIN { print("a")("b"); x = "A"; x = x x x; print x }']],
  [['awk', '{ FS = ","; $0 = $0; print $1 }'], { stdin: 'a,b c\n' }],
  [['awk', 'BEGIN { print 9007199254740992 * 2, 2147483647 * 3, -2147483648 * 2, -9223372036854775808 }']],
  [['awk', 'function f(a) { a[1] = 5 } BEGIN { f(x); print x[1] }']],
  [['awk', '{ print ($1 == 10), ($1 < 9) }'], { stdin: ' 10 \n10.0\n' }],
  [['awk', '{ NR = 10 } END { print NR, NF, $1 }'], { stdin: 'a\nb c\n' }],
  [['awk', 'BEGIN { IGNORECASE = 1 } /abc/ { print "m", $0 }'], { stdin: 'ABC\nabc\nxyz\n' }],
  [['awk', 'BEGIN { IGNORECASE = 1; print ("ABC" == "abc"), index("ABC", "b") }']],
  [['awk', 'BEGIN { getline x; print NR, x, $0 "|" } { print "main", $0 }'], { stdin: 'a\nb\n' }],
  [['awk', 'BEGIN { CONVFMT = "%d"; a[3.7] = 1; for (k in a) print k; OFMT = "%d"; print 3.7, 3.7 "" }']],
  [['awk', 'BEGIN { print length(sprintf("%c", 0)), length(sprintf("a%cb", "")) }']],
  [['awk', '{ print ($1 == $2) }'], { stdin: '1e2 100\n0x10 16\n' }],
  [['awk', 'function f() { return $1 } { x = f(); y = $1; print (x < 9), (y < 9), (f() < 9) }'], { stdin: '10\n' }],
  [['awk', '{ x = substr($1, 1); y = $1 ""; z = ($1 > 0) ? $1 : 0; split($0, a); print (x < 9), (y < 9), (z < 9), (a[1] < 9) }'], { stdin: '10\n' }],
  [['awk', '-v', 'x= 5 ', 'BEGIN { print (x == 5), length(x) }']],
  [['awk', '{ print x }', 'x=1', '/dev/null', 'x=2'], { stdin: 'stdin\n' }],
  [['awk', 'END { print x }', 'x=1', '/dev/null', 'x=2'], { stdin: 'stdin\n' }],
  [['awk', '{ print }', 'a', '-'], { files: { a: 'file\n' }, stdin: 'stdin\n' }],
  [['awk', 'BEGIN { x = 1; x = x++ + x++; i = 1; a[i++] = i; for (k in a) print x, k, a[k] }']],
  [['awk', 'BEGIN { $0 = "a b c"; $2 = ""; print NF; $0 = $0; print NF }']],
  [['awk', 'length'], { stdin: 'a\n\nb\n' }],
  [['awk', '{ print length $0 }'], { stdin: 'abc\n' }],
  [['awk', 'BEGIN { getline l < "f"; print l; print (getline l < "f"), l; print (getline l < "f") }'], { files: { f: 'only\n' } }],
  [['awk', 'BEGIN { if (1) print "a";\n\n else print "b" }']],
  [['awk', 'BEGIN { if (1)\n{ print "a" }\nelse\n{ print "b" } }']],
  [['awk', 'BEGIN { print 1 } ; ; END { print 2 }']],
  [['awk', 'function f(a,\nb) { return a + b }\nBEGIN { print f(1,\n2) }']],
  [['awk', 'function f (a) { return a }\nBEGIN { print f(3) }']],
  [['awk', 'function f(a) { return a } BEGIN { print f (3) }']],
  [['awk', 'BEGIN { do\ni++\nwhile (i < 5)\nprint i }']],
  [['awk', 'BEGIN { print 1 > 2 ? "x" : "y"; close("2 ? \\"x\\" : \\"y\\""); print (1 > 2) ? "x" : "y" }']],
  [['awk', 'BEGIN { getline x < "f" "g"; print x }'], { files: { fg: 'fgline\n' } }],
  [['awk', 'BEGIN { while (getline line < "f") print line }'], { files: { f: 'a\nb\n' } }],
  [['awk', 'BEGIN { print 2 - -2, 2 - - 2; x = 3; print x+++1, x }']],
  [['awk', 'BEGIN { print "\\x41\\x4a\\101\\7|unknown \\q \\/ escapes" }']],
  [['awk', 'BEGIN { print 1; print 2 \\\n; print 3 }']],
  [['awk', 'BEGIN { x = "a"; print x ~ "a", x ~ /b/, "b" ~ x, "ab" ~ "a" "b" }']],
  [['awk', 'BEGIN { print 1 in x, x[1] = 2, 1 in x }']],
  [['awk', 'BEGIN { exit 2 } END { exit }']],
  [['awk', '{ return; print "no" } END { print NR }'], { stdin: 'a\nb\n' }],
  [['awk', 'BEGIN { next; print "no" } { print } END { print "e" }'], { stdin: 'a\n' }],
  [['awk', 'BEGIN { print a[] }']],
  [['awk', 'BEGIN { print (1,2) }']],
  [['awk', 'BEGIN { a = 1 ? 2 }']],
  [['awk', 'BEGIN { print 1 :2 }']],
  [['awk', 'BEGIN { print > }']],
  [['awk', 'BEGIN { delete 1 }']],
  [['awk', 'BEGIN { x = 1; x[1] = 2; print "ok" }']],
  [['awk', 'BEGIN { NF = -1 }']],
  [['awk', 'BEGIN { printf "%z\\n", 1 }']],
  [['awk', 'BEGIN { OFMT = "%s"; print 3.5 }']],
  [['awk', 'BEGIN { OFMT = "%x"; print 255.5; OFMT = "[%.1f]"; print 2.25 }']],
  [['awk', '-F', '\\\\|', '{ print $2 }'], { stdin: 'a|b\n' }],
  [['awk', '-F', '[', '{ print $2 }'], { stdin: 'a[b\n' }],
  [['awk', 'BEGIN { n = split("a(b", x, "("); print n, x[2] }']],
  [['awk', 'BEGIN { s = "a.b"; sub(".", "X", s); t = "a+b"; sub("+", "X", t); u = "a*b"; gsub("*", "X", u); print s, t, u }']],
  [['awk', 'BEGIN { s = "a\\\\b"; gsub(/\\\\/, "/", s); print s }']],
  [['awk', 'BEGIN { s = "abc"; gsub("", "-", s); print s }']],
  [['awk', 'BEGIN { s = "abc"; gsub(/$/, "!", s); t = "abc"; gsub(/^/, ">", t); print s, t }']],
  [['awk', 'BEGIN { s = "a b  c"; gsub(/ */, "_", s); print s }']],
  [['awk', 'BEGIN { s = "foo bar"; gsub(/\\<./, "X", s); print s }']],
  [['awk', '{ print gensub(/o/, "0", "g", "foo"); print gensub(/o/, "0", 2); print gensub(/(l+)(o)/, "<\\2\\1>", "g"); print gensub(/(l+)(o)/, "[\\0]", 1); print $0 }'], { stdin: 'hello world\n' }],
  [['awk', '{ print gensub(/(a)|(z)/, "[\\1|\\2]", "g"); print gensub(/b*/, "-", "g"); print gensub(/((a)(b))(c)/, "\\4\\3\\2\\1", 1) }'], { stdin: 'abc\n' }],
  [['awk', '{ print gensub(/([0-9]+)-([0-9]+)/, "\\2-\\1", "g") }'], { stdin: '10-20 and 3-4\n' }],
  [['awk', '-f', 'p.awk'], { files: { 'p.awk': 'BEGIN {\n  x = 1\n  y = x / 0\n}\n' } }],
  [['awk', '-f', 'lib.awk', '-f', 'main.awk'], { files: { 'lib.awk': 'function twice(x) { return 2 * x }\n', 'main.awk': 'BEGIN { print twice(21) }\n' } }],
  [['awk', '-f', 'lib.awk', '-e', 'BEGIN { print twice(4) }'], { files: { 'lib.awk': 'function twice(x) { return 2 * x }\n' } }],
  [['awk', 'BEGIN { print (getline line < "d"), "[" line "]" }'], { dirs: ['d'] }],
  [['awk', '{ print }', 'd'], { dirs: ['d'] }],
  [['awk', 'BEGIN { print "x" > "/nonexistent/dir/file" }']],
  [['awk', 'BEGIN { print "a"; print "b" > "/dev/stdout"; printf "%s", "c" > "/dev/stdout"; print "d" }']],
  [['awk', '{ print; getline l < "/dev/stdin"; print "l=" l }'], { stdin: 'x\ny\nz\n' }],
  [['awk', '-v', 'RS=;', '{ print NR, $0 }'], { stdin: 'a;b' }],
  [['awk', '-F', ':', '-v', 'OFS=-', '{ $1 = $1 } 1'], { stdin: 'a:b:c\n' }],
  [['awk', '-F:', '-F,', '{ print $2 }'], { stdin: 'a:b,c\n' }],
  [['awk', '-W', 'version', 'BEGIN { print 1 }']],
  [['awk', '-vx=1', '-F', '\\t', 'BEGIN { printf "%s[%s]\\n", x, FS }']],
  [['awk', '-F', 't', '{ print $1 }'], { stdin: 'atb\n' }],
  [['awk', '{ print v }', 'v=a\\tb'], { stdin: 'x\n' }],
  [['awk', '{ print $1 }', 'f1', 'f2'], { files: { f1: 'a\n' } }],
];

describe.skipIf(!haveBusybox)('awk matches busybox', () => {
  for (const [argv, c] of cases) {
    it(JSON.stringify(argv.slice(1)).slice(0, 150), async () => {
      const want = real(argv, c);
      const got = await berth(argv, c);
      expect({ stdout: got.stdout, code: got.code }).toEqual({ stdout: want.stdout, code: want.code });
    });
  }
});

/** Cases that need /bin/sh (pipes, system()); they wait until Berth has a shell. */
const shellCases: [string[], CommandCase?][] = [
  [['awk', 'BEGIN { system("echo hi"); print "after" }']],
  [['awk', 'BEGIN { print system("exit 3") }']],
  [['awk', 'BEGIN { "echo a b" | getline; print $2 }']],
  [['awk', 'BEGIN { while (("printf \'1\\n2\\n\'" | getline l) > 0) s += l; print s }']],
  [['awk', '{ print | "cat" } END { close("cat"); print "end" }'], { stdin: 'x\ny\n' }],
  [['awk', 'BEGIN { print "b\\na" | "sort"; print "first" }']],
  [['awk', 'BEGIN { "echo hi" | getline x; print x; print close("echo hi") }']],
  [['awk', 'BEGIN { print "x" | "cat >/dev/null; exit 3"; print close("cat >/dev/null; exit 3") }']],
  [['awk', 'BEGIN { print system(""), system("true"), system("false") }']],
  [['awk', 'BEGIN { printf "a"; system("echo b"); print "c" }']],
  [['awk', 'BEGIN { printf "a"; fflush(); system("printf b"); print "c" }']],
  [['awk', '{ print | "sort -r" } END { print "end" }'], { stdin: 'a\nc\nb\n' }],
  [['awk', '{ print | "sort -r" } END { close("sort -r"); print "end" }'], { stdin: 'a\nc\nb\n' }],
  [['awk', 'BEGIN { cmd = "echo 1; echo 2"; while ((cmd | getline l) > 0) print "got", l; close(cmd) }']],
  [['awk', 'BEGIN { "echo a b c" | getline; print NF, NR, $2 }']],
  [['awk', 'BEGIN { "nonexistent_cmd_xyz 2>/dev/null" | getline x; print "[" x "]" }']],
  [['awk', 'NR == 1 { print; next } { print | "sort" }'], { stdin: 'HEADER\nc\na\nb\n' }],
];

describe.skipIf(!haveBusybox || !('sh' in applets))('awk with a shell matches busybox', () => {
  for (const [argv, c] of shellCases) {
    it(JSON.stringify(argv.slice(1)), async () => {
      const want = real(argv, c);
      const got = await berth(argv, c);
      expect({ stdout: got.stdout, code: got.code }).toEqual({ stdout: want.stdout, code: want.code });
    });
  }
});

/** Runs awk on Berth only. */
const awk = (args: string[], c?: CommandCase) => berth(['awk', ...args], c);

describe('awk: what the Debian reference cannot show', () => {
  // Expected outputs (here and below) come from busybox 1.36.1 built from
  // source with its defaults (awk math on): Debian's busybox-static has no
  // awk math at all.
  const math: [string, string][] = [
    ['BEGIN { print 2^10, 2**10, 2^3^2, -2^2, 2^-1, 2^0.5, 0^0 }', '1024 1024 64 -4 0.5 1.41421 1\n'],
    ['BEGIN { x = 2; x ^= 3; y = 3; y **= 2; print x, y }', '8 9\n'],
    ['BEGIN { print sqrt(16), sqrt(2), exp(1), exp(0), log(1), log(10), log(0) }', '4 1.41421 2.71828 1 0 2.30259 -inf\n'],
    ['BEGIN { print sin(0), cos(0), atan2(0, -1), atan2(1, 1) * 4, sin(1), cos(1) }', '0 1 3.14159 3.14159 0.841471 0.540302\n'],
    ['BEGIN { print sqrt(-1), log(-1), -log(-1), (-8)^(1/3), -log(0) - -log(0) }', '-nan -nan nan -nan -nan\n'],
    ['BEGIN { print -3 ^ 2, !2 ^ 2, 2 ^ -2 ^ 2, 1 - 2 ^ 2 * 3 }', '-9 0 0.0625 -11\n'],
    ['BEGIN { print int(1e30), 2^63, -2^63, 2^53 + 1 }', '-9223372036854775808 9.22337e+18 -9223372036854775808 9007199254740992\n'],
    ['BEGIN { printf "%.10f %d %d\\n", atan2(1, 2), 2^31, -2^31 - 1 }', '0.4636476090 -2147483648 -2147483648\n'],
    ['BEGIN { print exp(1000), exp(-1000), 1e308 * 10 }', 'inf 0 inf\n'],
    ['BEGIN { x = log(-1); print x, -x, x + 1, -(x + 1), x * 0, 1 - x }', '-nan nan -nan nan -nan -nan\n'],
    ['BEGIN { print srand(5), srand() }', '1 5\n'],
  ];
  for (const [program, want] of math) {
    it(`math: ${program}`, async () => {
      const r = await awk([program]);
      expect({ stdout: r.stdout, code: r.code }).toEqual({ stdout: want, code: 0 });
    });
  }

  // Where Debian's 1.35 differs from 1.36, Berth is 1.36 (alpine's).
  const since136: [string[], string, CommandCase?][] = [
    [['BEGIN { print 2++, 2--2 }'], '2 22\n'],
    [['BEGIN { print "a\\\nb" }'], 'ab\n'],
    [['BEGIN { getline = 1; length = 2; print "parsed" }'], 'parsed\n'],
    [['{ print $1 + 0, ($1 < 9) }'], '10 0\n', { stdin: '010\n' }],
    [['-v', 'x=010', 'BEGIN { print x + 1 }'], '11\n'],
  ];
  for (const [args, want, c] of since136) {
    it(`1.36: ${args.join(' ')}`, async () => {
      const r = await awk(args, c);
      expect({ stdout: r.stdout, code: r.code }).toEqual({ stdout: want, code: 0 });
    });
  }

  it('rand() is musl\'s: the same sequence after srand(1) as with no srand, in [0, 1)', async () => {
    const r = await awk(['BEGIN { for (i = 0; i < 5; i++) a = a " " rand(); srand(1); for (i = 0; i < 5; i++) b = b " " rand(); print (a == b); for (i = 0; i < 1000; i++) { x = rand(); if (x < 0 || x >= 1) bad++ }; print bad + 0 }']);
    expect(r.stdout).toBe('1\n0\n');
    const first = await awk(['BEGIN { srand(42); print rand(), rand() }']);
    const again = await awk(['BEGIN { srand(42); print rand(), rand() }']);
    expect(first.stdout).toBe(again.stdout);
  });

  it('prints syntax errors as busybox does, exit status 1', async () => {
    for (const [program, message] of [
      ['BEGIN { x', 'awk: cmd. line:1: Unexpected token\n'],
      ['BEGIN { x = }', 'awk: cmd. line:1: Unexpected token\n'],
      ['BEGIN {\n  print 1\n  x = (\n}', 'awk: cmd. line:3: Unexpected token\n'],
      ['BEGIN { print "open }', 'awk: cmd. line:1: Unexpected end of string\n'],
      ['BEGIN { print 1/0 }', 'awk: cmd. line:1: Division by zero\n'],
      ['BEGIN { f() }', 'awk: cmd. line:1: Call to undefined function\n'],
      ['BEGIN { break }', "awk: cmd. line:1: 'break' not in a loop\n"],
      ['BEGIN { printf "%*d", 1, 2 }', 'awk: cmd. line:1: %*x formats are not supported\n'],
    ]) {
      const r = await awk([program!]);
      expect({ stderr: r.stderr, code: r.code }).toEqual({ stderr: message, code: 1 });
    }
  });

  it('an endless loop can be interrupted (it visits the scheduler)', { timeout: 20_000 }, async () => {
    if (!('timeout' in applets)) return;
    for (const program of ['BEGIN { while (1) {} }', 'BEGIN { for (;;) x++ }', 'BEGIN { do ; while (1) }', 'BEGIN { while (1) a[n++] }']) {
      const r = await berth(['timeout', '0.2', 'awk', program]);
      expect(r.code).toBe(143);
    }
  });

  it('dies of SIGPIPE when its reader goes away', async () => {
    if (!('sh' in applets) || !('head' in applets)) return;
    const r = await berth(['sh', '-c', "awk 'BEGIN { while (1) print \"y\" }' | head -2"]);
    expect({ stdout: r.stdout, code: r.code }).toEqual({ stdout: 'y\ny\n', code: 0 });
  });

  it('deep recursion works; endless recursion is a segfault, as in C', async () => {
    const deep = await awk(['function f(n) { return n == 0 ? 0 : 1 + f(n - 1) } BEGIN { print f(20000) }']);
    expect(deep.stdout).toBe('20000\n');
    const endless = await awk(['function f() { f() } BEGIN { f() }']);
    expect(endless.code).toBe(139);
  });

  it('is fast enough for real input', async () => {
    let input = '';
    for (let i = 0; i < 50000; i++) input += `host${i % 13} ${i} GET /path/${i % 7}\n`;
    const start = Date.now();
    const r = await awk(['{ n[$1]++; bytes += $2 } END { for (h in n) c++; print c, bytes }'], { stdin: input });
    expect(r.stdout).toBe(`13 ${(49999 * 50000) / 2}\n`);
    expect(Date.now() - start).toBeLessThan(5000);
  });
});
