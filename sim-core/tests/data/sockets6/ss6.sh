# ss and netstat on a mixed table of IPv4 and IPv6 sockets: family options, address and port filters with brackets, -e's v6only, netstat's tcp6/udp6 rows and its column width.
ip netns add b
ip link add eth0 netns b type veth peer name eth1 netns b
ip -n b link set eth0 address 02:00:00:00:00:02
ip -n b addr add fd00::2/64 dev eth0 nodad
ip -n b addr add fd00:1111:2222:3333:4444:5555:6666:7777/64 dev eth0 nodad
ip -n b addr add 10.0.0.2/24 dev eth0
ip -n b link set eth0 up
ip -n b link set eth1 up
ip -n b link set lo up
sleep 1
ip netns exec b timeout 4 nc -l 8080 >/dev/null & ip netns exec b timeout 4 nc -lu -6 7000 >/dev/null & ip netns exec b timeout 4 nc -l fd00:1111:2222:3333:4444:5555:6666:7777 8083 >/dev/null & sleep 0.4; ip netns exec b ss -tuln; ip netns exec b ss -tuln4; ip netns exec b ss -tuln6; ip netns exec b ss -tln -f inet6; ip netns exec b ss -tln --ipv4; ip netns exec b ss -tln --ipv6; wait
ip netns exec b timeout 4 nc -l 8080 >/dev/null & ip netns exec b timeout 4 nc -l -6 8081 >/dev/null & ip netns exec b timeout 4 nc -l fd00::2 8082 >/dev/null & sleep 0.4; ip netns exec b ss -tlnH src '[fd00::2]'; ip netns exec b ss -tlnH src '[fd00::2]:8082'; ip netns exec b ss -tlnH src fd00::2; ip netns exec b ss -tlnH sport = :8081; ip netns exec b ss -tlnH src '[::]'; ip netns exec b ss -tlnH src 0.0.0.0; ip netns exec b ss -tlnH dst '[::]' | sort; wait
ip netns exec b timeout 4 nc -l -6 8081 >/dev/null & sleep 0.4; ip netns exec b ss -tlne 2>/dev/null | awk '{print $1, $4, $(NF-1), $NF}'; ip netns exec b ss -tlnp | awk '{print $1, $4, $5}'; wait
ip netns exec b timeout 4 nc -l 8080 >/dev/null & ip netns exec b timeout 4 nc -lu -6 7000 >/dev/null & ip netns exec b timeout 4 nc -l fd00:1111:2222:3333:4444:5555:6666:7777 8083 >/dev/null & sleep 0.4; ip netns exec b netstat -tuln; ip netns exec b netstat -tulnW; ip netns exec b netstat -tln -6; ip netns exec b netstat -tln --inet6; ip netns exec b netstat -tln -4; ip netns exec b netstat -ln --inet; wait
ip netns exec b sysctl -w net.ipv6.bindv6only=1
ip netns exec b timeout 3 nc -l -6 8081 >/dev/null & sleep 0.3; ip netns exec b ss -tlnH; ip netns exec b netstat -tln; ip netns exec b nc -zv 10.0.0.2 8081; echo $?; ip netns exec b nc -zv fd00::2 8081; echo $?; wait
ip netns exec b sysctl -w net.ipv6.bindv6only=0
ip netns del b
