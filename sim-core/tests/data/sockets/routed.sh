# TCP and UDP through a router namespace: forwarding off and on, FORWARD filtering, MASQUERADE and SNAT seen by ss, a veth deleted under a connection.
ip netns add a
ip netns add router
ip netns add b
ip link add a0 netns a type veth peer name ra netns router
ip link add b0 netns b type veth peer name rb netns router
ip -n a addr add 10.1.0.2/24 dev a0
ip -n b addr add 10.2.0.2/24 dev b0
ip -n router addr add 10.1.0.1/24 dev ra
ip -n router addr add 10.2.0.1/24 dev rb
ip -n a link set a0 up
ip -n b link set b0 up
ip -n router link set ra up
ip -n router link set rb up
ip -n a link set lo up
ip -n b link set lo up
ip -n a route add default via 10.1.0.1
ip -n b route add default via 10.2.0.1
ip netns exec router sysctl -w net.ipv4.icmp_ratelimit=0
ip netns exec b sysctl -w net.ipv4.icmp_ratelimit=0
ip netns exec b nc -lk 8080 >/tmp/nslab-rt-1 2>&1 &
# Forwarding off: the router drops the SYN without a word.
sleep 0.3; ip netns exec a nc -zv -w 1 10.2.0.2 8080; echo $?
ip netns exec a ping -c 1 -W 1 10.2.0.2 | tail -2
ip netns exec a nc -zv 10.1.0.1 8080; echo $?
ip netns exec a nc -zv 10.2.0.1 22; echo $?
ip netns exec router sysctl -w net.ipv4.ip_forward=1
ip netns exec a ping -c 1 10.2.0.2 | head -2 | tail -1
ip netns exec a nc -zv 10.2.0.2 8080; echo $?
ip netns exec a nc -zv 10.2.0.2 8081; echo $?
echo routed | ip netns exec a nc -N 10.2.0.2 8080; echo $?
sleep 0.2; cat /tmp/nslab-rt-1
# FORWARD filtering: DROP times out, REJECT answers from the router.
ip netns exec router iptables -A FORWARD -p tcp --dport 8080 -j DROP
ip netns exec a nc -zv -w 1 10.2.0.2 8080; echo $?
ip netns exec a ping -c 1 10.2.0.2 | tail -2 | head -1
ip netns exec router iptables -R FORWARD 1 -p tcp --dport 8080 -j REJECT
ip netns exec a nc -zv -w 1 10.2.0.2 8080; echo $?
ip netns exec router iptables -R FORWARD 1 -p tcp --dport 8080 -j REJECT --reject-with tcp-reset
ip netns exec a nc -zv -w 1 10.2.0.2 8080; echo $?
ip netns exec router iptables -R FORWARD 1 -p udp --dport 53 -j REJECT
echo x | ip netns exec a nc -vu -w 1 10.2.0.2 53; echo $?
ip netns exec router iptables -L FORWARD -n -v
ip netns exec router iptables -F FORWARD
# MASQUERADE: b sees the router's address; the client's port is kept when free.
ip netns exec router iptables -t nat -A POSTROUTING -o rb -j MASQUERADE
ip netns exec a nc -p 2000 10.2.0.2 8080 >/dev/null 2>&1 &
sleep 0.3; ip netns exec a ss -tn
ip netns exec b ss -tn
ip netns exec b netstat -tn
ip netns exec router ss -tan
ip netns exec router sysctl net.netfilter.nf_conntrack_count
ip netns exec router iptables -t nat -L POSTROUTING -n -v
kill $(ip netns pids a); echo $?
# SNAT to a fixed address and port.
ip netns exec router iptables -t nat -R POSTROUTING 1 -o rb -p tcp -j SNAT --to-source 10.2.0.1:5000
ip netns exec a nc -p 2001 10.2.0.2 8080 >/dev/null 2>&1 &
sleep 0.3; ip netns exec a ss -tn sport = :2001
ip netns exec b ss -tn dst 10.2.0.1
ip netns exec router iptables -t nat -S POSTROUTING
# The router's veth to b deleted under the connection: nothing tells either end.
ip -n router link del rb
sleep 0.2; ip netns exec a ss -tn sport = :2001
ip netns exec b ss -tn state established | wc -l
# The router answers "no route" at most once a second per sender (see README): wait before each.
sleep 1.1; ip netns exec a nc -zv -w 1 10.2.0.2 8080; echo $?
sleep 1.1; ip netns exec a ping -c 1 -W 1 10.2.0.2 | tail -2 | head -1
kill $(ip netns pids a); echo $?
sleep 0.2; ip netns exec a ss -tan sport = :2001
kill $(ip netns pids b); echo $?
ip netns del a
ip netns del b
ip netns del router
rm -f /tmp/nslab-rt-1
