# tcpdump 4.99.3 on a bridge: two namespaces a (10.0.0.1) and b (10.0.0.2) whose eth0s are cabled to va and vb on br0 in the host.
# IPv6 off everywhere, so no router solicitations or MLD reports appear in a capture; fixed MACs for -e, and for br0 (else it takes
# a port's random MAC, and packets to the host show "In" instead of "P" on that port).
sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip netns add a
ip netns add b
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip netns exec b sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip link add br0 type bridge
ip link set br0 address 02:00:00:00:00:fe
ip link add va type veth peer name eth0 netns a
ip link add vb type veth peer name eth0 netns b
ip -n a link set eth0 address 02:00:00:00:00:01
ip -n b link set eth0 address 02:00:00:00:00:02
ip link set va master br0
ip link set vb master br0
ip link set br0 up
ip link set va up
ip link set vb up
ip -n a addr add 10.0.0.1/24 dev eth0
ip -n b addr add 10.0.0.2/24 dev eth0
ip -n a link set eth0 up
ip -n b link set eth0 up
ip -n a link set lo up
ip -n b link set lo up
sleep 1
# The interfaces tcpdump can open here.
tcpdump -D
# A count: tcpdump stops after N matching packets. Header lines on stderr, packets on stdout, trailer on stderr.
timeout 3 tcpdump -nn -i vb -c 2 icmp & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
timeout 3 tcpdump -nn -i vb -c 2 icmp 2>/dev/null & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
timeout 3 tcpdump -nn -i vb -c 2 icmp >/dev/null & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
timeout 3 tcpdump -nn -i vb -c 2 icmp >/dev/null 2>&1 & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
timeout 3 tcpdump -nn -i vb -c 1 icmp & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
timeout 3 tcpdump -nn -i vb -c 4 icmp & sleep 0.5; ip netns exec a ping -c 2 -i 0.2 10.0.0.2 >/dev/null; wait
timeout 3 tcpdump -nn -i vb -c 3 icmp & sleep 0.5; ip netns exec a ping -c 2 -i 0.2 10.0.0.2 >/dev/null; sleep 0.1; wait
# Ended by a signal (timeout's SIGTERM), as Ctrl-C ends it: a blank line on stdout before the trailer.
timeout 2 tcpdump -nn -i vb icmp & sleep 0.5; ip netns exec a ping -c 2 -i 0.2 10.0.0.2 >/dev/null; wait
timeout 2 tcpdump -nn -i vb icmp 2>/dev/null & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
timeout 2 tcpdump -nn -i vb icmp >/dev/null & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
timeout -s INT 2 tcpdump -nn -i vb icmp & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
timeout 2 tcpdump -nn -i vb icmp; echo $?
timeout -s INT 2 tcpdump -nn -i vb icmp; echo $?
timeout 3 tcpdump -nn -i vb -c 2 icmp & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait $!; echo $?
timeout 1 tcpdump -nn -i vb -c 2 icmp; echo $?
# Nothing matched at all.
timeout 1 tcpdump -nn -i vb udp
# -l: line-buffered stdout (the same lines here).
timeout 3 tcpdump -l -nn -i vb -c 2 icmp & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
# Names: without -n tcpdump looks addresses up (no DNS here: they stay numbers) and names ports; -n keeps ports' names, -nn numbers.
timeout 3 tcpdump -i vb -c 2 icmp & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
ip netns exec b timeout 3 nc -l 80 >/dev/null & sleep 0.3; timeout 3 tcpdump -n -i vb -c 1 'tcp[tcpflags] == tcp-syn' & sleep 0.5; ip netns exec a nc -z -p 2001 10.0.0.2 80; wait
ip netns exec b timeout 3 nc -l 80 >/dev/null & sleep 0.3; timeout 3 tcpdump -i vb -c 1 'tcp[tcpflags] == tcp-syn' & sleep 0.5; ip netns exec a nc -z -p 2002 10.0.0.2 80; wait
ip netns exec b timeout 3 nc -l 80 >/dev/null & sleep 0.3; timeout 3 tcpdump -nn -i vb -c 1 'tcp[tcpflags] == tcp-syn' & sleep 0.5; ip netns exec a nc -z -p 2003 10.0.0.2 80; wait
timeout 3 tcpdump -n -i vb -c 1 udp & sleep 0.5; echo hi | ip netns exec a nc -u -p 4000 -w 1 10.0.0.2 53; wait
timeout 3 tcpdump -i vb -c 1 udp & sleep 0.5; echo hi | ip netns exec a nc -u -p 4000 -w 1 10.0.0.2 5353; wait
# -e: the link-level header.
timeout 3 tcpdump -nn -e -i vb -c 2 icmp & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
timeout 3 tcpdump -nn -e -i vb -c 2 arp & sleep 0.5; ip -n a neigh flush all; ip -n b neigh flush all; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
timeout 3 tcpdump -e -i vb -c 2 arp & sleep 0.5; ip -n a neigh flush all; ip -n b neigh flush all; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
# -q: quieter protocol lines.
timeout 3 tcpdump -nn -q -i vb -c 2 icmp & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
ip netns exec b timeout 3 nc -l 80 >/dev/null & sleep 0.3; timeout 3 tcpdump -nn -q -i vb -c 3 tcp & sleep 0.5; ip netns exec a timeout 2 nc -p 2004 10.0.0.2 80; wait
timeout 3 tcpdump -nn -q -i vb -c 1 udp & sleep 0.5; echo hi | ip netns exec a nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -q -i vb -c 1 udp & sleep 0.5; echo hi | ip netns exec a nc -u -p 4000 -w 1 10.0.0.2 5353; wait
timeout 3 tcpdump -nn -q -e -i vb -c 2 arp & sleep 0.5; ip -n a neigh flush all; ip -n b neigh flush all; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
# -v: the IP header (its id is random: masked here with awk).
timeout 3 tcpdump -nn -v -i vb -c 2 icmp 2>&1 | awk '{gsub(/ id [0-9]+, offset/, " id ID, offset")} 1' & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
timeout 3 tcpdump -nn -v -i vb -c 2 arp & sleep 0.5; ip -n a neigh flush all; ip -n b neigh flush all; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
timeout 3 tcpdump -nn -v -i vb -c 1 udp 2>&1 | awk '{gsub(/ id [0-9]+, offset/, " id ID, offset")} 1' & sleep 0.5; echo hi | ip netns exec a nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -v -i vb -c 1 'icmp[icmptype] == icmp-echo' 2>&1 | awk '{gsub(/ id [0-9]+, offset/, " id ID, offset")} 1' & sleep 0.5; ip netns exec a ping -c 1 -t 7 -Q 0x10 10.0.0.2 >/dev/null; wait
# -X and -A on ARP (every byte fixed) and on a UDP datagram from a fixed port (the first line of -X holds the IP id and checksum: dropped).
timeout 3 tcpdump -nn -X -i vb -c 2 arp & sleep 0.5; ip -n a neigh flush all; ip -n b neigh flush all; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
timeout 3 tcpdump -nn -A -i vb -c 2 arp & sleep 0.5; ip -n a neigh flush all; ip -n b neigh flush all; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
timeout 3 tcpdump -nn -X -i vb -c 1 udp 2>&1 | grep -v '0x0000:' & sleep 0.5; echo hello | ip netns exec a nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -x -i vb -c 1 udp 2>&1 | grep -v '0x0000:' & sleep 0.5; echo hello | ip netns exec a nc -u -p 4000 -w 1 10.0.0.2 5000; wait
timeout 3 tcpdump -nn -XX -i vb -c 2 arp & sleep 0.5; ip -n a neigh flush all; ip -n b neigh flush all; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
timeout 3 tcpdump -nn -A -i vb -c 1 udp 2>/dev/null | grep -a hello & sleep 0.5; echo hello | ip netns exec a nc -u -p 4000 -w 1 10.0.0.2 5000; wait
# -i any: the cooked header, the interface and the direction (P another host's, Out sent, In received by this host).
timeout 3 tcpdump -nn -i any -c 4 icmp & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
timeout 3 tcpdump -nn -e -i any -c 4 icmp & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
timeout 3 tcpdump -nn -q -i any -c 4 icmp & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
ip netns exec a timeout 3 tcpdump -nn -i any -c 2 icmp & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
ip netns exec a timeout 3 tcpdump -nn -i eth0 -c 2 icmp & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
ip netns exec a timeout 3 tcpdump -nn -e -i any -c 2 arp & sleep 0.5; ip -n a neigh flush all; ip -n b neigh flush all; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
ip netns exec a timeout 3 tcpdump -nn -i lo -c 2 icmp & sleep 0.5; ip netns exec a ping -c 1 127.0.0.1 >/dev/null; wait
ip netns exec a timeout 3 tcpdump -nn -i any -c 2 icmp & sleep 0.5; ip netns exec a ping -c 1 10.0.0.1 >/dev/null; wait
# The host itself on the bridge: br0 gets an address, a pings it.
ip addr add 10.0.0.254/24 dev br0
timeout 3 tcpdump -nn -i any -c 4 icmp & sleep 0.5; ip netns exec a ping -c 1 10.0.0.254 >/dev/null; wait
timeout 3 tcpdump -nn -i br0 -c 2 icmp & sleep 0.5; ip netns exec a ping -c 1 10.0.0.254 >/dev/null; wait
timeout 3 tcpdump -nn -i br0 -c 2 icmp & sleep 0.5; ping -c 1 10.0.0.2 >/dev/null; wait
timeout 3 tcpdump -nn -i any -c 4 icmp & sleep 0.5; ping -c 1 10.0.0.2 >/dev/null; wait
# Without -i: the first interface of -D's list.
timeout 3 tcpdump -nn -c 2 icmp & sleep 0.5; ip netns exec a ping -c 1 10.0.0.254 >/dev/null; wait
ip netns exec a timeout 3 tcpdump -nn -c 2 icmp & sleep 0.5; ip netns exec a ping -c 1 10.0.0.2 >/dev/null; wait
# A link that is down, and one with no address.
ip link set vb down
timeout 1 tcpdump -nn -i vb; echo $?
ip link set vb up
ip netns exec a tcpdump -D
ip netns del a
ip netns del b
ip link del br0
