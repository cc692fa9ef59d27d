# tcpdump 4.99.3's filter expressions, each over the same traffic seen on vb (b's port on the bridge):
# a (10.0.0.1) pings b, c (10.0.0.3) pings b, a's TCP SYN from port 2001 to b's closed port 80 (RST back),
# c's UDP datagram from port 4000 to b's closed port 5000 (ICMP port unreachable back). 8 packets, in that order.
# Neighbours are permanent, so no ARP appears unless a line asks for it; IPv6 is off.
sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip netns add a
ip netns add b
ip netns add c
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip netns exec b sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip netns exec c sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip link add br0 type bridge
ip link add va type veth peer name eth0 netns a
ip link add vb type veth peer name eth0 netns b
ip link add vc type veth peer name eth0 netns c
ip -n a link set eth0 address 02:00:00:00:00:01
ip -n b link set eth0 address 02:00:00:00:00:02
ip -n c link set eth0 address 02:00:00:00:00:03
ip link set va master br0
ip link set vb master br0
ip link set vc master br0
ip link set br0 up
ip link set va up
ip link set vb up
ip link set vc up
ip -n a addr add 10.0.0.1/24 dev eth0
ip -n b addr add 10.0.0.2/24 dev eth0
ip -n c addr add 10.0.0.3/24 dev eth0
ip -n a link set eth0 up
ip -n b link set eth0 up
ip -n c link set eth0 up
ip -n a neigh replace 10.0.0.2 lladdr 02:00:00:00:00:02 dev eth0 nud permanent
ip -n a neigh replace 10.0.0.3 lladdr 02:00:00:00:00:03 dev eth0 nud permanent
ip -n b neigh replace 10.0.0.1 lladdr 02:00:00:00:00:01 dev eth0 nud permanent
ip -n b neigh replace 10.0.0.3 lladdr 02:00:00:00:00:03 dev eth0 nud permanent
ip -n c neigh replace 10.0.0.1 lladdr 02:00:00:00:00:01 dev eth0 nud permanent
ip -n c neigh replace 10.0.0.2 lladdr 02:00:00:00:00:02 dev eth0 nud permanent
sleep 1
# No filter: all 8.
timeout 3 tcpdump -nn -i vb  & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
# Protocols.
timeout 3 tcpdump -nn -i vb icmp & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb tcp & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb udp & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb ip & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb arp & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'ip proto 17' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'ip proto \icmp' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'ether proto \ip' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'ether proto \arp' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
# Hosts and networks, with directions.
timeout 3 tcpdump -nn -i vb 'host 10.0.0.3' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'src host 10.0.0.1' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'dst host 10.0.0.3' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'src 10.0.0.2' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'dst 10.0.0.2' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'src or dst 10.0.0.1' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'src and dst 10.0.0.2' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'net 10.0.0.0/24' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'net 10.0.0.0/31' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'src net 10.0.0.0/31' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'dst net 10.0.0.0/31' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'net 10.0.0.0 mask 255.255.255.254' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'net 10.0.0' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'net 192.168.0.0/16' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
# Ports.
timeout 3 tcpdump -nn -i vb 'port 80' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'tcp port 80' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'udp port 80' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'port 4000' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'src port 4000' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'dst port 4000' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'dst port 5000' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'portrange 4000-5000' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'udp portrange 1-4500' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'tcp dst portrange 1-1024' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'port http' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'port 2001 or port 5000' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
# Ethernet addresses.
timeout 3 tcpdump -nn -i vb 'ether host 02:00:00:00:00:03' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'ether src 02:00:00:00:00:01' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'ether dst 02:00:00:00:00:01' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'ether broadcast' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'ether src 02:00:00:00:00:02 and icmp' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
# and, or, not, parentheses; words given unquoted as several arguments.
timeout 3 tcpdump -nn -i vb 'icmp and host 10.0.0.3' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'tcp or udp' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'not icmp' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb '! icmp' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'host 10.0.0.2 and not host 10.0.0.1' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'icmp and (src 10.0.0.1 or dst 10.0.0.3)' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb '(tcp or udp) and src 10.0.0.2' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'not (icmp or udp)' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'not icmp and not tcp' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'icmp && src 10.0.0.3 || tcp' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb icmp and src 10.0.0.3 & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb tcp or src 10.0.0.3 and udp & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'host 10.0.0.1 or host 10.0.0.3 and icmp' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
# Header fields.
timeout 3 tcpdump -nn -i vb 'icmp[icmptype] == icmp-echo' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'icmp[icmptype] == icmp-echoreply' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'icmp[icmptype] == icmp-unreach' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'tcp[tcpflags] & tcp-rst != 0' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'tcp[tcpflags] == tcp-syn' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'tcp[13] & 2 != 0' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'greater 80' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'less 60' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'len > 90' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'ip[8] == 64' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i vb 'udp[8:2] == 0x6869' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
# A count with a filter, and -e with one.
timeout 3 tcpdump -nn -i vb -c 4 'host 10.0.0.3' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -e -i vb 'src 10.0.0.2' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -i any 'host 10.0.0.3 and icmp' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; ip netns exec c ping -c 1 10.0.0.2 >/dev/null; ip netns exec a nc -z -p 2001 10.0.0.2 80; echo hi | ip netns exec c nc -u -p 4000 -w 1 10.0.0.2 5000; wait
# ARP now: flushing a neighbour makes a ask again (its permanent entry is gone).
timeout 3 tcpdump -nn -i vb arp & sleep 0.5; ip -n a neigh del 10.0.0.2 dev eth0; ip -n b neigh del 10.0.0.1 dev eth0; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
timeout 3 tcpdump -nn -i vb 'arp or icmp' & sleep 0.5; ip -n a neigh del 10.0.0.2 dev eth0; ip -n b neigh del 10.0.0.1 dev eth0; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
timeout 3 tcpdump -nn -i vb 'arp and src 10.0.0.2' & sleep 0.5; ip -n a neigh del 10.0.0.2 dev eth0; ip -n b neigh del 10.0.0.1 dev eth0; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
timeout 3 tcpdump -nn -i vb 'ether dst ff:ff:ff:ff:ff:ff' & sleep 0.5; ip -n a neigh del 10.0.0.2 dev eth0; ip -n b neigh del 10.0.0.1 dev eth0; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
ip netns del a
ip netns del b
ip netns del c
ip link del br0
