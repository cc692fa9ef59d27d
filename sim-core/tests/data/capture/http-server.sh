# python3 -m http.server in namespace b (10.0.0.2) as a tiny web server for curl from a (10.0.0.1): its banner, its replies,
# its directory listing and 404 page, and its access log (the log's date column cut out, the Date header dropped).
# python3 here is pyenv's 3.11.7 (PATH), http.server's "SimpleHTTP/0.6"; -u so the banner is not lost in a buffer when timeout ends it.
sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip netns add a
ip netns add b
ip link add eth0 netns a type veth peer name eth0 netns b
ip -n a addr add 10.0.0.1/24 dev eth0
ip -n b addr add 10.0.0.2/24 dev eth0
ip -n a link set eth0 up
ip -n b link set eth0 up
ip -n a link set lo up
ip -n b link set lo up
rm -rf /tmp/nslab-www; mkdir -p /tmp/nslab-www/sub /tmp/nslab-www/empty
printf '<h1>hello from b</h1>\n' > /tmp/nslab-www/index.html
printf 'a file\n' > /tmp/nslab-www/sub/a.txt
printf 'b file\n' > /tmp/nslab-www/sub/b.txt
ip netns exec b timeout 6 python3 -u -m http.server 8000 --bind 10.0.0.2 --directory /tmp/nslab-www >/tmp/nslab-http-log 2>&1 &
sleep 1; cat /tmp/nslab-http-log
ip netns exec b ss -tln
ip netns exec a curl -s http://10.0.0.2:8000/; echo $?
ip netns exec a curl -s http://10.0.0.2:8000/index.html
ip netns exec a curl -s http://10.0.0.2:8000/sub/a.txt
ip netns exec a curl -sI http://10.0.0.2:8000/sub/a.txt | grep -v -e '^Date' -e '^Last-Modified'
ip netns exec a curl -s -o /dev/null -w '%{http_code} %{content_type} %{size_download}\n' http://10.0.0.2:8000/
ip netns exec a curl -s http://10.0.0.2:8000/sub/
ip netns exec a curl -s -o /dev/null -w '%{http_code} %{redirect_url}\n' http://10.0.0.2:8000/sub
ip netns exec a curl -s http://10.0.0.2:8000/empty/
ip netns exec a curl -s http://10.0.0.2:8000/nope
ip netns exec a curl -s -o /dev/null -w '%{http_code}\n' http://10.0.0.2:8000/nope
ip netns exec a curl -sSf http://10.0.0.2:8000/nope; echo $?
ip netns exec a curl -si http://10.0.0.2:8000/nope | grep -v '^Date'
ip netns exec a curl -s -X POST http://10.0.0.2:8000/ | head -3
cut -d' ' -f1-3,6- /tmp/nslab-http-log
sleep 5; ip netns exec b ss -tln
cut -d' ' -f1-3,6- /tmp/nslab-http-log | tail -3
ip netns exec a curl -sS http://10.0.0.2:8000/; echo $?
rm -rf /tmp/nslab-www /tmp/nslab-http-log
ip netns del a
ip netns del b
