# curl 7.88.1 against servers made with nc (OpenBSD netcat) in namespace b (10.0.0.2); the client in a (10.0.0.1).
# Each server answers one connection with a fixed reply and writes the request it got to a file, shown after curl ends.
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
# Success: the body on stdout; -v's lines (*, > request, < response) on stderr; the request the server read.
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a curl -s http://10.0.0.2:8080/; echo $?; wait
cat /tmp/nslab-curl-req
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a curl -sv http://10.0.0.2:8080/; echo $?; wait
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a curl -sv http://10.0.0.2:8080/ 2>/dev/null; wait
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a curl -sv http://10.0.0.2:8080/ 2>&1 >/dev/null; wait
printf 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a curl -sv http://10.0.0.2:8080/index.html; wait
cat /tmp/nslab-curl-req
printf 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a curl -s 10.0.0.2:8080; wait
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a curl -s http://10.0.0.2:8080/ 2>/dev/null | wc -c; wait
# The progress meter goes to stderr when stdout is not a terminal; -s hides it.
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a curl http://10.0.0.2:8080/ 2>/dev/null; wait
# Headers: -I sends HEAD and prints the response headers; -i prints them before the body.
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a curl -sI http://10.0.0.2:8080/; wait
cat /tmp/nslab-curl-req
printf 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a curl -sI http://10.0.0.2:8080/ | cat -A; wait
printf 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a curl -si http://10.0.0.2:8080/; wait
printf 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a curl -sIv http://10.0.0.2:8080/; wait
# -o, -w.
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a curl -s -o /tmp/nslab-curl-out http://10.0.0.2:8080/; echo $?; wait
cat /tmp/nslab-curl-out
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a curl -s -o /dev/null -w '%{http_code}\n' http://10.0.0.2:8080/; wait
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a curl -s -o /dev/null -w '%{http_code}' http://10.0.0.2:8080/; echo; wait
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a curl -s -w '%{http_code} %{size_download} %{remote_ip} %{remote_port}\n' http://10.0.0.2:8080/; wait
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a curl -o /dev/null -s -w 'code=%{http_code} type=%{content_type} url=%{url_effective}\n' http://10.0.0.2:8080/x; wait
printf 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a curl -o /dev/null -s -w '%{content_type}|%{http_version}\n' http://10.0.0.2:8080/x; wait
# A 404: curl exits 0 unless -f.
printf 'HTTP/1.0 404 Not Found\r\nContent-Length: 10\r\n\r\nnot found\n' | ip netns exec b timeout 3 nc -l 8080 >/dev/null & sleep 0.3; ip netns exec a curl -s http://10.0.0.2:8080/nope; echo $?; wait
printf 'HTTP/1.0 404 Not Found\r\nContent-Length: 10\r\n\r\nnot found\n' | ip netns exec b timeout 3 nc -l 8080 >/dev/null & sleep 0.3; ip netns exec a curl -s -o /dev/null -w '%{http_code}\n' http://10.0.0.2:8080/nope; wait
printf 'HTTP/1.0 404 Not Found\r\nContent-Length: 10\r\n\r\nnot found\n' | ip netns exec b timeout 3 nc -l 8080 >/dev/null & sleep 0.3; ip netns exec a curl -sf http://10.0.0.2:8080/nope; echo $?; wait
printf 'HTTP/1.0 404 Not Found\r\nContent-Length: 10\r\n\r\nnot found\n' | ip netns exec b timeout 3 nc -l 8080 >/dev/null & sleep 0.3; ip netns exec a curl -sSf http://10.0.0.2:8080/nope; echo $?; wait
# Request options: a header, a POST with data, another method.
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a curl -s -H 'X-Lab: 1' http://10.0.0.2:8080/ >/dev/null; wait
cat /tmp/nslab-curl-req
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a curl -s -d 'a=1&b=2' http://10.0.0.2:8080/form >/dev/null; wait
cat /tmp/nslab-curl-req; echo
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a curl -s -X DELETE http://10.0.0.2:8080/item/1 >/dev/null; wait
cat /tmp/nslab-curl-req
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a curl -s -A lab-agent/1 http://10.0.0.2:8080/ >/dev/null; wait
cat /tmp/nslab-curl-req
# Refused (7): nothing listens on 8081, b answers the SYN with a RST.
ip netns exec a curl -s http://10.0.0.2:8081/; echo $?
ip netns exec a curl -sS http://10.0.0.2:8081/; echo $?
ip netns exec a curl -sS http://10.0.0.2:8081/ 2>/dev/null; echo $?
ip netns exec a curl -sv http://10.0.0.2:8081/; echo $?
ip netns exec a curl -s -o /dev/null -w '%{http_code}\n' http://10.0.0.2:8081/; echo $?
ip netns exec a curl -sS http://10.0.0.2/; echo $?
# No route (7) and an address nobody answers on the link (7 after ~3 s of ARP).
ip netns exec a curl -sS http://10.9.9.9/; echo $?
ip netns exec a curl -sv http://10.9.9.9/; echo $?
ip netns exec a curl -sS http://10.0.0.9/; echo $?
ip netns exec a curl -sS --connect-timeout 1 http://10.0.0.9/; echo $?
# Timeouts (28): a port whose SYNs b drops, and a server that accepts but never answers.
ip netns exec b iptables -A INPUT -p tcp --dport 81 -j DROP
ip netns exec a curl -sS --connect-timeout 1 http://10.0.0.2:81/; echo $?
ip netns exec a curl -sS --connect-timeout 0.5 http://10.0.0.2:81/; echo $?
ip netns exec a curl -sv --connect-timeout 1 http://10.0.0.2:81/; echo $?
ip netns exec a curl -s -m 1 http://10.0.0.2:81/; echo $?
ip netns exec a curl -sS -m 1 http://10.0.0.2:81/ 2>&1 | awk '{gsub(/after [0-9]+ milliseconds/, "after T milliseconds")} 1'
ip netns exec a curl -sS --max-time 1 http://10.0.0.2:81/ 2>&1 | awk '{gsub(/after [0-9]+ milliseconds/, "after T milliseconds")} 1'
ip netns exec b timeout 3 nc -l 8082 >/dev/null & sleep 0.3; ip netns exec a curl -s -m 1 http://10.0.0.2:8082/; echo $?; wait
ip netns exec b timeout 3 nc -l 8082 >/dev/null & sleep 0.3; ip netns exec a curl -sS --max-time 1 http://10.0.0.2:8082/ 2>&1 | awk '{gsub(/after [0-9]+ milliseconds/, "after T milliseconds")} 1'; wait
ip netns exec b timeout 3 nc -l 8082 >/dev/null & sleep 0.3; ip netns exec a curl -s -o /dev/null -w '%{http_code}\n' -m 1 http://10.0.0.2:8082/; echo $?; wait
ip netns exec b timeout 3 nc -l 8082 >/dev/null & sleep 0.3; ip netns exec a curl -s --connect-timeout 1 -m 1 http://10.0.0.2:8082/; echo $?; wait
ip netns exec b iptables -F INPUT
# Unknown host (6): no DNS in the sandbox.
ip netns exec a curl -s http://nohost.invalid/; echo $?
ip netns exec a curl -sS http://nohost.invalid/; echo $?
ip netns exec a curl -sS http://web:8080/; echo $?
ip netns exec a curl -sv http://web/; echo $?
# Bad URLs and usage.
ip netns exec a curl -sS 'http://[bad/'; echo $?
ip netns exec a curl -sS 'http://10.0.0.2:99999/'; echo $?
ip netns exec a curl -sS 'http://10.0.0.2:abc/'; echo $?
ip netns exec a curl -sS 'http://'; echo $?
ip netns exec a curl -sS ''; echo $?
ip netns exec a curl -sS 'htp://10.0.0.2/'; echo $?
ip netns exec a curl -sS 'http://10.0.0.300/'; echo $?
curl; echo $?
curl --bogus; echo $?
curl -m; echo $?
curl -m abc http://10.0.0.2/; echo $?
curl -w; echo $?
curl --version | head -1
# A capture of curl's connection: the SYNs, then the request's header lines in -A.
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a timeout 3 tcpdump -nn -i eth0 -c 2 'tcp[tcpflags] & tcp-syn != 0' & sleep 0.5; ip netns exec a curl -s http://10.0.0.2:8080/ >/dev/null; wait
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8080 >/tmp/nslab-curl-req & sleep 0.3; ip netns exec a timeout 3 tcpdump -nn -l -A -i eth0 -c 1 'dst port 8080 and tcp[tcpflags] & tcp-push != 0' 2>/dev/null | grep -a -e '^Host' -e '^User' -e '^Accept' & sleep 0.5; ip netns exec a curl -s http://10.0.0.2:8080/ >/dev/null; wait
ip netns del a
ip netns del b
