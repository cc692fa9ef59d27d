# nc over TCP between two namespaces: refused, succeeded, data both ways, timed out, unreachable.
ip netns add a
ip netns add b
ip link add a0 netns a type veth peer name b0 netns b
ip -n a addr add 10.0.0.1/24 dev a0
ip -n b addr add 10.0.0.2/24 dev b0
ip -n a link set a0 up
ip -n b link set b0 up
ip -n a link set lo up
ip -n b link set lo up
# Refused: nothing listens, b answers the SYN with a RST.
ip netns exec a nc -zv 10.0.0.2 8080
ip netns exec a nc -z 10.0.0.2 8080
ip netns exec a nc -v 10.0.0.2 8080
ip netns exec a nc 10.0.0.2 8080; echo $?
ip netns exec a nc -zv 10.0.0.2 80
ip netns exec a nc -zv 10.0.0.2 22
ip netns exec a nc -zv 10.0.0.2 80-82
ip netns exec a nc -zv 10.0.0.2 80 443
ip netns exec a nc -zvn 10.0.0.2 8080
# Succeeded: a server started in the background in one line, used in later lines.
ip netns exec b timeout 20 nc -l 8080 >/tmp/nslab-tcp-1 2>&1 &
sleep 0.3; ip netns exec b ss -tln
ip netns exec a nc -zv 10.0.0.2 8080; echo $?
sleep 0.2; ip netns exec b ss -tln
ip netns exec a nc -zv 10.0.0.2 8080
wc -c </tmp/nslab-tcp-1
ip netns exec b timeout 20 nc -l 8080 >/tmp/nslab-tcp-2 2>&1 &
sleep 0.3; ip netns exec a nc -z 10.0.0.2 8080; echo $?
ip netns exec b timeout 20 nc -l 8080 >/tmp/nslab-tcp-3 2>&1 &
sleep 0.3; echo hi | ip netns exec a nc -N 10.0.0.2 8080; echo $?
sleep 0.2; cat /tmp/nslab-tcp-3
ip netns exec b timeout 20 nc -l 8080 >/tmp/nslab-tcp-4 2>&1 &
sleep 0.3; printf 'one\ntwo\nthree\n' | ip netns exec a nc -v -N 10.0.0.2 8080
sleep 0.2; cat /tmp/nslab-tcp-4; wc -l </tmp/nslab-tcp-4
# Data from the server to the client, and both ways at once.
printf 'HTTP/1.0 200 OK\r\n\r\nhello\n' | ip netns exec b timeout 20 nc -N -l 8080 >/dev/null 2>&1 &
sleep 0.3; ip netns exec a nc -w 2 10.0.0.2 8080 | tr -d '\r'
echo from-b | ip netns exec b timeout 20 nc -N -l 8080 >/tmp/nslab-tcp-5 2>&1 &
sleep 0.3; echo from-a | ip netns exec a nc -N 10.0.0.2 8080
sleep 0.2; cat /tmp/nslab-tcp-5
# A fixed source port with -p, seen from both ends while connected.
ip netns exec b timeout 20 nc -l 8080 >/dev/null 2>&1 &
sleep 0.3; ip netns exec a timeout 5 nc -p 2000 10.0.0.2 8080 & sleep 0.3; ip netns exec a ss -tn; ip netns exec b ss -tn; kill %1
sleep 0.2; ip netns exec a ss -tan sport = :2000; ip netns exec b ss -tan dport = :2000
# Timed out: b drops the SYNs; -w bounds the wait, nc says so only with -v.
ip netns exec b iptables -A INPUT -p tcp --dport 9 -j DROP
ip netns exec a nc -v -w 1 10.0.0.2 9; echo $?
ip netns exec a nc -w 1 10.0.0.2 9; echo $?
ip netns exec a nc -zv -w 1 10.0.0.2 9; echo $?
ip netns exec a timeout 1 nc -v 10.0.0.2 9; echo $?
ip netns exec a nc -w 2 10.0.0.2 9 & sleep 0.5; ip netns exec a ss -tn; ip netns exec a ss -tn state syn-sent | wc -l; wait; echo $?
# Rejected: a RST from REJECT, an ICMP error from REJECT.
ip netns exec b iptables -A INPUT -p tcp --dport 10 -j REJECT --reject-with tcp-reset
ip netns exec b iptables -A INPUT -p tcp --dport 11 -j REJECT
ip netns exec b iptables -A INPUT -p tcp --dport 12 -j REJECT --reject-with icmp-host-unreachable
ip netns exec b iptables -A INPUT -p tcp --dport 13 -j REJECT --reject-with icmp-net-unreachable
ip netns exec b iptables -A INPUT -p tcp --dport 14 -j REJECT --reject-with icmp-admin-prohibited
ip netns exec a nc -zv -w 1 10.0.0.2 10
ip netns exec a nc -zv -w 1 10.0.0.2 11
ip netns exec a nc -zv -w 1 10.0.0.2 12
ip netns exec a nc -zv -w 1 10.0.0.2 13
ip netns exec a nc -zv -w 1 10.0.0.2 14
# No neighbour answers, no route, a blackhole route.
ip netns exec a nc -v -w 1 10.0.0.9 80; echo $?
ip netns exec a timeout 6 nc -v 10.0.0.9 80; echo $?
ip netns exec a nc -v 10.5.0.9 80; echo $?
ip netns exec a nc 10.5.0.9 80; echo $?
ip -n a route add blackhole 10.9.0.0/16
ip netns exec a nc -v -w 1 10.9.0.1 80; echo $?
ip -n a link set a0 down
ip netns exec a nc -zv -w 1 10.0.0.2 8080; echo $?
ip netns del a
ip netns del b
rm -f /tmp/nslab-tcp-1 /tmp/nslab-tcp-2 /tmp/nslab-tcp-3 /tmp/nslab-tcp-4 /tmp/nslab-tcp-5
