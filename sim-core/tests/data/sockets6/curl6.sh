# curl over IPv6: bracketed URLs, -v's Trying and Connected lines, write-out's remote_ip, refused, -4 and -6 against the URL's family, a zone in the URL, bad brackets, localhost with listeners on either family.
ip netns add a
ip netns add b
ip link add eth0 netns a type veth peer name eth0 netns b
ip -n a link set eth0 address 02:00:00:00:00:01
ip -n b link set eth0 address 02:00:00:00:00:02
ip -n a addr add fd00::1/64 dev eth0 nodad
ip -n b addr add fd00::2/64 dev eth0 nodad
ip -n a addr add 10.0.0.1/24 dev eth0
ip -n b addr add 10.0.0.2/24 dev eth0
ip -n a link set eth0 up
ip -n b link set eth0 up
ip -n a link set lo up
ip -n b link set lo up
sleep 2
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l -6 8080 >/dev/null & sleep 0.3; ip netns exec a curl -s 'http://[fd00::2]:8080/'; echo $?; wait
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l -6 8080 >/dev/null & sleep 0.3; ip netns exec a curl -sv 'http://[fd00::2]:8080/' 2>&1; wait
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l -6 8080 >/dev/null & sleep 0.3; ip netns exec a curl -s -o /dev/null -w '%{http_code} %{remote_ip} %{remote_port} %{url_effective}\n' 'http://[fd00::2]:8080/x'; wait
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l -6 8080 >/dev/null & sleep 0.3; ip netns exec a curl -s 'http://10.0.0.2:8080/'; echo $?; wait
ip netns exec a curl -sS 'http://[fd00::2]:8081/'; echo $?
ip netns exec a curl -sv 'http://[fd00::2]:8081/' 2>&1; echo $?
ip netns exec a curl -sS -6 http://10.0.0.2:8081/; echo $?
ip netns exec a curl -sS -4 'http://[fd00::2]:8081/'; echo $?
ip netns exec a curl -sS 'http://[fd00::2:8081/'; echo $?
ip netns exec a curl -sS 'http://[fd00::zz]:8081/'; echo $?
ip netns exec a curl -sS 'http://[fd00:99::1]:8081/'; echo $?
ip netns exec a curl -sS -g 'http://[fd00::2]:8081/'; echo $?
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l -6 8080 >/dev/null & sleep 0.3; ip netns exec a curl -s 'http://[fe80::ff:fe00:2%25eth0]:8080/'; echo $?; wait
ip netns exec a curl -sS 'http://[fe80::ff:fe00:2]:8080/'; echo $?
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l 8081 >/dev/null & sleep 0.3; ip netns exec b curl -sv http://localhost:8081/ 2>&1 >/dev/null | grep '^\*'; wait
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l ::1 8081 >/dev/null & sleep 0.3; ip netns exec b curl -sv http://localhost:8081/ 2>&1 >/dev/null | grep '^\*'; wait
ip netns exec b curl -sv http://localhost:8081/ 2>&1; echo $?
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec b timeout 3 nc -l ::1 8081 >/dev/null & sleep 0.3; ip netns exec b curl -s 'http://[::1]:8081/'; echo $?; wait
ip netns del a
ip netns del b
