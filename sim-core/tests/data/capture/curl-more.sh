# curl 7.88.1's corners beyond curl.sh (the simulator's own recording): replies without a length, not HTTP, empty, -f and -d with -v, timeouts with -v, --local-port with -v, headers that replace curl's, -w on failures, several URLs, -o into a missing folder.
sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip netns add a
ip netns add b
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip netns exec b sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip link add eth0 netns a type veth peer name eth0 netns b
ip -n a addr add 10.0.0.1/24 dev eth0
ip -n b addr add 10.0.0.2/24 dev eth0
ip -n a link set eth0 up
ip -n b link set eth0 up
ip -n a link set lo up
ip -n b link set lo up
# HTTP/1.1 without Content-Length: read until the server closes (nc -N closes after stdin).
printf 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -N -l 8080 >/dev/null & sleep 0.3; ip netns exec a curl -sv http://10.0.0.2:8080/ -w '%{size_download} %{http_version}\n'; echo $?; wait
printf 'HTTP/1.0 200 OK\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -N -l 8080 >/dev/null & sleep 0.3; ip netns exec a curl -sv http://10.0.0.2:8080/ -w '%{size_download} %{http_version}\n'; echo $?; wait
printf 'HTTP/1.1 200 OK\r\nContent-Length: 6\r\nConnection: close\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/dev/null & sleep 0.3; ip netns exec a curl -sv http://10.0.0.2:8080/; wait
# Not HTTP, and nothing at all.
printf 'hello\n' | ip netns exec b timeout 3 nc -N -l 8080 >/dev/null & sleep 0.3; ip netns exec a curl -sS http://10.0.0.2:8080/; echo $?; wait
printf 'hello\n' | ip netns exec b timeout 3 nc -N -l 8080 >/dev/null & sleep 0.3; ip netns exec a curl -sv http://10.0.0.2:8080/; echo $?; wait
ip netns exec b timeout 3 nc -N -l 8080 </dev/null >/dev/null & sleep 0.3; ip netns exec a curl -sS http://10.0.0.2:8080/; echo $?; wait
ip netns exec b timeout 3 nc -N -l 8080 </dev/null >/dev/null & sleep 0.3; ip netns exec a curl -sv -w '%{http_code}\n' http://10.0.0.2:8080/; echo $?; wait
# -f with -v and -i; -d with -v; -I on HTTP/1.0.
printf 'HTTP/1.0 404 Not Found\r\nContent-Length: 10\r\n\r\nnot found\n' | ip netns exec b timeout 3 nc -l 8080 >/dev/null & sleep 0.3; ip netns exec a curl -sfv http://10.0.0.2:8080/nope; echo $?; wait
printf 'HTTP/1.0 404 Not Found\r\nContent-Length: 10\r\n\r\nnot found\n' | ip netns exec b timeout 3 nc -l 8080 >/dev/null & sleep 0.3; ip netns exec a curl -sfi -w '%{http_code}\n' http://10.0.0.2:8080/nope; echo $?; wait
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a curl -sv -d x=1 http://10.0.0.2:8080/; wait
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a curl -sIv http://10.0.0.2:8080/; wait
# Headers that replace, remove or empty curl's own; -X with -d; two -d.
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a curl -s -H 'Host: web' -H 'Accept:' -H 'X-Empty;' -H 'User-Agent: me' http://10.0.0.2:8080/ >/dev/null; wait
cat /tmp/nslab-curl-req
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a curl -s -X PUT -d a=1 -d b=2 -H 'Content-Type: text/plain' http://10.0.0.2:8080/x?y=1#frag >/dev/null; wait
cat /tmp/nslab-curl-req; echo
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 80 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a curl -s -A '' http://10.0.0.2:80 >/dev/null; wait
cat /tmp/nslab-curl-req
# Failures with -v: unanswered ARP, -m while connecting and after, --local-port.
ip netns exec a curl -sv http://10.0.0.9/ 2>&1 | awk '{gsub(/after [0-9]+ ms/, "after T ms")} 1'
ip netns exec b iptables -A INPUT -p tcp --dport 81 -j DROP
ip netns exec a curl -sv -m 1 http://10.0.0.2:81/ 2>&1 | awk '{gsub(/after [0-9]+ milliseconds/, "after T milliseconds")} 1'
ip netns exec a curl -sv --connect-timeout 0.5 http://10.0.0.2:81/; echo $?
ip netns exec a curl -sS -m 1 --connect-timeout 1 http://10.0.0.2:81/ 2>&1 | awk '{gsub(/after [0-9]+ milliseconds/, "after T milliseconds")} 1'
ip netns exec a curl -sS -m 2 --connect-timeout 1 http://10.0.0.2:81/; echo $?
ip netns exec a curl -sS -m 1 --connect-timeout 2 http://10.0.0.2:81/ 2>&1 | awk '{gsub(/after [0-9]+ milliseconds/, "after T milliseconds")} 1'
ip netns exec b iptables -F INPUT
# Names: /etc/hosts' localhost, and the host's own address.
ip netns exec a curl -sv http://localhost:8081/; echo $?
ip netns exec a curl -sS http://10.0.0.1:8081/; echo $?
ip netns exec b timeout 3 nc -l 8082 >/dev/null & sleep 0.3; ip netns exec a curl -sv -m 1 http://10.0.0.2:8082/ 2>&1 | awk '{gsub(/after [0-9]+ milliseconds/, "after T milliseconds")} 1'; wait
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/dev/null & sleep 0.3; ip netns exec a curl -sv --local-port 2001 http://10.0.0.2:8080/; wait
ip netns exec a curl -sv --local-port 2002 http://10.0.0.2:8081/; echo $?
# -w on failures; several URLs; -o into a missing folder.
ip netns exec a curl -s -w '%{http_code} %{http_version} %{remote_ip} %{remote_port} %{size_download} %{exitcode} %{errormsg}\n' http://10.0.0.2:8081/; echo $?
ip netns exec a curl -s -w '%{http_code} [%{url_effective}] %{exitcode} %{errormsg}\n' 'http://10.0.0.2:99999/'; echo $?
ip netns exec a curl -s -w '%{bogus}|%%|\t|\n' http://10.0.0.2:8081/; echo $?
ip netns exec a curl -sS http://10.0.0.2:8081/ http://10.0.0.2:8083/; echo $?
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/dev/null & sleep 0.3; ip netns exec a curl -sS -o /nonexist/out http://10.0.0.2:8080/; echo $?; wait
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/dev/null & sleep 0.3; ip netns exec a curl -sS -o /tmp/nslab-curl-out -w '%{size_download}\n' -i http://10.0.0.2:8080/; cat /tmp/nslab-curl-out; wait
ip netns del a
ip netns del b
