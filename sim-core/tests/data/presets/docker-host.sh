# The docker-host preset on a real Linux host: the cloud host's lines, then
# Docker's. A container's namespace is named only while it is built: its
# process holds it once the name goes, as Docker's are held (Docker keeps
# them under /var/run/docker/netns, which `ip netns` does not read).
# Docker's filter chains are not here (nor in the preset).
ip link set lo up
ip netns add gateway
ip netns add internet
ip netns add dns.google
ip netns set gateway 100
ip link add eth0 mtu 9001 type veth peer name lan0 mtu 9001 netns gateway
ip link set eth0 address 06:3e:65:63:1f:39
ip addr add 192.168.1.100/24 brd + dev eth0
ip link set eth0 up
ip route add default via 192.168.1.1
ip -n gateway link set lo up
ip -n gateway link set lan0 up
ip -n gateway addr add 192.168.1.1/24 dev lan0
ip -n gateway link add wan0 type veth peer name edge0 netns internet
ip -n gateway link set wan0 up
ip -n gateway addr add 198.51.100.2/30 dev wan0
ip -n gateway route add default via 198.51.100.1
ip netns exec gateway sysctl -qw net.ipv4.ip_forward=1
ip -n internet link set lo up
ip -n internet link set edge0 up
ip -n internet addr add 198.51.100.1/30 dev edge0
ip -n internet link add core0 type veth peer name eth0 netns dns.google
ip -n internet link set core0 up
ip -n internet addr add 203.0.113.1/30 dev core0
ip -n internet route add 192.168.1.0/24 via 198.51.100.2
ip -n internet route add 8.8.0.0/16 via 203.0.113.2
ip netns exec internet sysctl -qw net.ipv4.ip_forward=1
ip -n dns.google link set lo up
ip -n dns.google addr add 8.8.8.8/32 dev lo
ip -n dns.google addr add 8.8.4.4/32 dev lo
ip -n dns.google link set eth0 up
ip -n dns.google addr add 203.0.113.2/30 dev eth0
ip -n dns.google route add default via 203.0.113.1
ip link add docker0 txqueuelen 0 type bridge
ip link set docker0 address 02:42:5b:1e:7a:39
ip addr add 172.17.0.1/16 brd + dev docker0
ip link set docker0 up
iptables -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
sysctl -qw net.ipv4.ip_forward=1
ip netns add web
ip netns exec web sleep 3600 >/dev/null 2>&1 & echo $! > /tmp/nslab-web.pid
ip link add veth3f2a9c1 txqueuelen 0 type veth peer name veth6d1e0b4 txqueuelen 0
ip link set veth6d1e0b4 netns web
ip -n web link set veth6d1e0b4 name eth0
ip -n web link set eth0 address 02:42:ac:11:00:02
ip -n web addr add 172.17.0.2/16 brd + dev eth0
ip -n web link set lo up
ip -n web link set eth0 up
ip -n web route add default via 172.17.0.1
ip link set veth3f2a9c1 master docker0 up
ip netns delete web
# preset: docker-host
# Seed 004's part 3 on the Docker host: docker0, the container's veth, the
# container's own view (docker exec), and its namespace entered by pid.
ip addr show docker0
ip link show type veth master docker0
bridge link show
docker exec web ip addr
docker exec web ip route
docker exec web ping -c 1 172.17.0.1
docker exec web ping -c 2 8.8.8.8
iptables -t nat -S POSTROUTING
ip route
