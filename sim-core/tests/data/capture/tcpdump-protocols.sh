# Each kind of packet line, through a router: a (10.0.1.1) -- ra r rb -- b (10.0.2.1); captures run in r.
# ICMP echo, time exceeded, net/host/port unreachable, fragmentation needed, admin prohibited; fragments; TCP handshake, data, FIN, RST; UDP both ways; ARP.
sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip netns add a
ip netns add r
ip netns add b
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip netns exec r sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip netns exec b sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip link add eth0 netns a type veth peer name ra netns r
ip link add eth0 netns b type veth peer name rb netns r
ip -n a link set eth0 address 02:00:00:00:01:01
ip -n r link set ra address 02:00:00:00:01:fe
ip -n r link set rb address 02:00:00:00:02:fe
ip -n b link set eth0 address 02:00:00:00:02:01
ip -n a addr add 10.0.1.1/24 dev eth0
ip -n r addr add 10.0.1.254/24 dev ra
ip -n r addr add 10.0.2.254/24 dev rb
ip -n b addr add 10.0.2.1/24 dev eth0
ip -n a link set eth0 up
ip -n r link set ra up
ip -n r link set rb up
ip -n b link set eth0 up
ip -n a link set lo up
ip -n b link set lo up
ip -n a route add default via 10.0.1.254
ip -n b route add default via 10.0.2.254
ip netns exec r sysctl -w net.ipv4.ip_forward=1
sleep 1
# Echo through the router: the same packets on both sides, and the TTL one lower on b's side.
ip netns exec r timeout 3 tcpdump -nn -i any -c 4 icmp & sleep 0.5; ip netns exec a ping -c 1 10.0.2.1 >/dev/null; wait
ip netns exec r timeout 3 tcpdump -nn -v -i any -c 4 icmp 2>&1 | awk '{gsub(/ id [0-9]+, offset/, " id ID, offset")} 1' & sleep 0.5; ip netns exec a ping -c 1 10.0.2.1 >/dev/null; wait
ip netns exec r timeout 3 tcpdump -nn -i ra -c 2 icmp & sleep 0.5; ip netns exec a ping -c 1 10.0.2.1 >/dev/null; wait
ip netns exec r timeout 3 tcpdump -nn -e -i rb -c 2 icmp & sleep 0.5; ip netns exec a ping -c 1 10.0.2.1 >/dev/null; wait
# ARP on both sides of the router, caches flushed first.
ip netns exec r timeout 3 tcpdump -nn -i any -c 4 arp & sleep 0.5; ip -n a neigh flush all; ip -n r neigh flush all; ip -n b neigh flush all; ip netns exec a ping -c 1 10.0.2.1 >/dev/null; wait
ip netns exec r timeout 3 tcpdump -nn -e -i ra -c 2 arp & sleep 0.5; ip -n a neigh flush all; ip -n r neigh flush all; ip -n b neigh flush all; ip netns exec a ping -c 1 10.0.1.254 >/dev/null; wait
ip netns exec r timeout 3 tcpdump -nn -i ra -c 4 'arp or icmp' & sleep 0.5; ip -n a neigh flush all; ip -n r neigh flush all; ip -n b neigh flush all; ip netns exec a ping -c 1 10.0.1.254 >/dev/null; wait
# Time exceeded: TTL 1 dies at the router.
ip netns exec r timeout 3 tcpdump -nn -i ra -c 2 icmp & sleep 0.5; ip netns exec a ping -c 1 -t 1 10.0.2.1 >/dev/null; wait
ip netns exec r timeout 3 tcpdump -nn -v -i ra -c 2 icmp 2>&1 | awk '{gsub(/ id [0-9]+, offset/, " id ID, offset")} 1' & sleep 0.5; ip netns exec a ping -c 1 -t 1 10.0.2.1 >/dev/null; wait
# Net unreachable: the router has no route to 10.9.9.9.
ip netns exec r timeout 3 tcpdump -nn -i ra -c 2 icmp & sleep 0.5; ip netns exec a ping -c 1 10.9.9.9 >/dev/null; wait
# Host unreachable: nobody answers the router's ARP for 10.0.2.99 (three requests, then the error after ~3 s).
ip netns exec r timeout 6 tcpdump -nn -i any 'icmp or (arp and host 10.0.2.99)' & sleep 0.5; ip netns exec a ping -c 1 -W 5 10.0.2.99 >/dev/null; sleep 0.2; wait
# Port unreachable for UDP, from b itself and from b seen at the router.
ip netns exec r timeout 3 tcpdump -nn -i rb -c 2 udp or icmp & sleep 0.5; echo hi | ip netns exec a nc -u -p 4000 -w 1 10.0.2.1 5000; wait
ip netns exec r timeout 3 tcpdump -nn -v -i ra -c 2 udp or icmp 2>&1 | awk '{gsub(/ id [0-9]+, offset/, " id ID, offset")} 1' & sleep 0.5; echo hi | ip netns exec a nc -u -p 4000 -w 1 10.0.2.1 5000; wait
# Fragmentation needed: rb's MTU is 1400 and a sends 1500-byte packets with DF.
ip -n r link set rb mtu 1400
ip -n b link set eth0 mtu 1400
ip netns exec r timeout 3 tcpdump -nn -i ra -c 2 icmp & sleep 0.5; ip netns exec a ping -c 1 -M do -s 1472 10.0.2.1 >/dev/null; wait
ip netns exec r timeout 3 tcpdump -nn -v -i ra -c 2 icmp 2>&1 | awk '{gsub(/ id [0-9]+, offset/, " id ID, offset")} 1' & sleep 0.5; ip -n a route flush cache; ip netns exec a ping -c 1 -M do -s 1372 10.0.2.1 >/dev/null; wait
# Fragments: a big echo without DF, cut by a (1500) and again by r (1400).
ip netns exec r timeout 3 tcpdump -nn -i ra -c 4 icmp & sleep 0.5; ip netns exec a ping -c 1 -M dont -s 2000 10.0.2.1 >/dev/null; wait
ip netns exec r timeout 3 tcpdump -nn -i rb -c 5 icmp & sleep 0.5; ip netns exec a ping -c 1 -M dont -s 2000 10.0.2.1 >/dev/null; wait
ip -n r link set rb mtu 1500
ip -n b link set eth0 mtu 1500
# Admin prohibited and a TCP reset from the router's REJECT rules.
ip netns exec r iptables -A FORWARD -p icmp -j REJECT --reject-with icmp-admin-prohibited
ip netns exec r iptables -A FORWARD -p tcp --dport 23 -j REJECT --reject-with tcp-reset
ip netns exec r iptables -A FORWARD -p udp --dport 69 -j REJECT --reject-with icmp-host-unreachable
ip netns exec r iptables -A FORWARD -p udp --dport 70 -j REJECT --reject-with icmp-net-prohibited
ip netns exec r timeout 3 tcpdump -nn -i ra -c 2 icmp & sleep 0.5; ip netns exec a ping -c 1 10.0.2.1 >/dev/null; wait
ip netns exec r timeout 3 tcpdump -nn -i ra -c 2 tcp & sleep 0.5; ip netns exec a nc -z -p 2023 10.0.2.1 23; wait
ip netns exec r timeout 3 tcpdump -nn -i ra -c 2 udp or icmp & sleep 0.5; echo hi | ip netns exec a nc -u -p 4069 -w 1 10.0.2.1 69; wait
ip netns exec r timeout 3 tcpdump -nn -i ra -c 2 udp or icmp & sleep 0.5; echo hi | ip netns exec a nc -u -p 4070 -w 1 10.0.2.1 70; wait
ip netns exec r iptables -F FORWARD
# TCP: a closed port (RST from b), then a connection with data and FIN, seq/ack relative after the SYNs.
ip netns exec r timeout 3 tcpdump -nn -i rb -c 2 tcp & sleep 0.5; ip netns exec a nc -z -p 2080 10.0.2.1 80; wait
ip netns exec r timeout 3 tcpdump -nn -i rb -c 2 tcp & sleep 0.5; ip netns exec a nc -z 10.0.2.1 81; wait
ip netns exec b timeout 3 nc -l 8080 >/dev/null & sleep 0.3; ip netns exec r timeout 3 tcpdump -nn -i rb -c 8 tcp & sleep 0.5; echo hello | ip netns exec a nc -N -p 2101 10.0.2.1 8080; wait
ip netns exec b timeout 3 nc -l 9000 >/dev/null & sleep 0.3; ip netns exec r timeout 3 tcpdump -nn -i ra -c 8 tcp & sleep 0.5; echo hello | ip netns exec a nc -N -p 2102 10.0.2.1 9000; wait
ip netns exec b timeout 3 nc -l 9000 >/dev/null & sleep 0.3; ip netns exec r timeout 3 tcpdump -nn -q -i ra -c 8 tcp & sleep 0.5; echo hello | ip netns exec a nc -N -p 2103 10.0.2.1 9000; wait
ip netns exec b timeout 3 nc -l 9000 >/dev/null & sleep 0.3; ip netns exec r timeout 3 tcpdump -nn -i any -c 8 'tcp[tcpflags] & (tcp-syn|tcp-fin) != 0' & sleep 0.5; echo hello | ip netns exec a nc -N -p 2104 10.0.2.1 9000; wait
ip netns exec b timeout 3 nc -l 9000 >/dev/null & sleep 0.3; ip netns exec r timeout 3 tcpdump -i ra -c 3 tcp & sleep 0.5; ip netns exec a timeout 2 nc -p 2105 10.0.2.1 9000; wait
# The server answers and closes first (its -N), then a's nc ends: the FIN from b's side.
echo world | ip netns exec b timeout 3 nc -N -l 9000 >/dev/null & sleep 0.3; ip netns exec r timeout 3 tcpdump -nn -i rb -c 5 'tcp[tcpflags] & (tcp-syn|tcp-push|tcp-fin) != 0' & sleep 0.5; ip netns exec a timeout 2 nc -p 2106 10.0.2.1 9000 >/dev/null; wait
# A server killed under a connection: its FIN, then a's (nc ends at the server's EOF), the last ACK; ended by timeout.
ip netns exec b nc -l 9001 >/dev/null & sleep 0.3; ip netns exec r timeout 3 tcpdump -nn -i rb tcp and port 9001 & sleep 0.5; ip netns exec a timeout 1 nc -p 2107 10.0.2.1 9001 & sleep 0.3; kill %1; wait
# UDP both ways with a listener.
ip netns exec b timeout 3 nc -u -l 5000 >/dev/null & sleep 0.3; ip netns exec r timeout 3 tcpdump -nn -i rb -c 1 udp & sleep 0.5; echo hi | ip netns exec a nc -u -p 4001 -w 1 10.0.2.1 5000; wait
echo back | ip netns exec b timeout 3 nc -u -l 5001 >/dev/null & sleep 0.3; ip netns exec r timeout 3 tcpdump -nn -i rb -c 2 udp & sleep 0.5; echo hi | ip netns exec a nc -u -p 4002 -w 1 10.0.2.1 5001 >/dev/null; wait
ip netns exec b timeout 3 nc -u -l 5002 >/dev/null & sleep 0.3; ip netns exec r timeout 3 tcpdump -nn -q -i any -c 2 udp & sleep 0.5; echo hi | ip netns exec a nc -u -p 4003 -w 1 10.0.2.1 5002; wait
ip netns exec b timeout 3 nc -u -l 5003 >/dev/null & sleep 0.3; ip netns exec r timeout 3 tcpdump -nn -v -i rb -c 1 udp 2>&1 | awk '{gsub(/ id [0-9]+, offset/, " id ID, offset")} 1' & sleep 0.5; printf 'twelve bytes' | ip netns exec a nc -u -p 4004 -w 1 10.0.2.1 5003; wait
ip netns del a
ip netns del r
ip netns del b
