# nc -u: UDP listeners and clients, ICMP port unreachable on a closed port, ss -u in each state.
ip netns add a
ip netns add b
ip link add a0 netns a type veth peer name b0 netns b
ip -n a addr add 10.0.0.1/24 dev a0
ip -n b addr add 10.0.0.2/24 dev b0
ip -n a link set a0 up
ip -n b link set b0 up
ip -n a link set lo up
ip -n b link set lo up
ip netns exec b sysctl -w net.ipv4.icmp_ratelimit=0
# Closed UDP port: b answers with ICMP port unreachable.
ip netns exec a nc -zvu 10.0.0.2 5353; echo $?
ip netns exec a nc -zu 10.0.0.2 5353; echo $?
ip netns exec a nc -zvu -w 1 10.0.0.2 5353; echo $?
echo x | ip netns exec a nc -vu -w 1 10.0.0.2 5353; echo $?
echo x | ip netns exec a nc -u -w 1 10.0.0.2 5353; echo $?
ip netns exec a nc -zvu 10.0.0.2 5353-5355; echo $?
ip netns exec b ss -uan
ip netns exec b ss -uln
# A UDP listener: unconnected until the first datagram, then connected to its sender.
ip netns exec b nc -lu 5353 >/tmp/nslab-udp-1 2>&1 &
sleep 0.3; ip netns exec b ss -uln
ip netns exec b ss -ua
ip netns exec b ss -uan
echo hello | ip netns exec a nc -u -w 1 -p 4000 10.0.0.2 5353; echo $?
ip netns exec b ss -uan
ip netns exec b ss -ua
ip netns exec b ss -uln
cat /tmp/nslab-udp-1
echo again | ip netns exec a nc -u -w 1 -p 4001 10.0.0.2 5353; echo $?
echo third | ip netns exec a nc -u -w 1 -p 4000 10.0.0.2 5353; echo $?
cat /tmp/nslab-udp-1
kill $(ip netns pids b); sleep 0.2; ip netns exec b ss -uan
# -z on an open UDP port succeeds; on a listener bound to one address.
ip netns exec b nc -lu 10.0.0.2 5353 >/dev/null 2>&1 &
sleep 0.3; ip netns exec b ss -uln
ip netns exec a nc -zvu 10.0.0.2 5353; echo $?
ip netns exec a nc -zvnu 10.0.0.2 5353; echo $?
kill $(ip netns pids b); sleep 0.2
# Replies both ways: the server answers once the client's datagram connected it.
echo pong | ip netns exec b nc -lu 6000 >/tmp/nslab-udp-2 2>&1 &
sleep 0.3; echo ping | ip netns exec a nc -u -w 1 -p 4002 10.0.0.2 6000; echo $?
cat /tmp/nslab-udp-2
ip netns exec b ss -uan
kill $(ip netns pids b); sleep 0.2; ip netns exec b ss -uan
# While a UDP client waits (-w), ss on its side.
ip netns exec b nc -lu 6001 >/dev/null 2>&1 &
sleep 0.3; ip netns exec a nc -u -w 2 -p 4003 10.0.0.2 6001 </dev/null & sleep 0.3; ip netns exec a ss -uan; kill %1
ip netns exec a ss -uan
kill $(ip netns pids b); sleep 0.2
# Loopback only, and unreachable networks.
ip netns exec a nc -lu 127.0.0.1 7000 >/tmp/nslab-udp-3 2>&1 &
sleep 0.3; ip netns exec a ss -uln
echo local | ip netns exec a nc -u -w 1 127.0.0.1 7000; echo $?
cat /tmp/nslab-udp-3
ip netns exec b nc -zvu 10.0.0.1 7000; echo $?
kill $(ip netns pids a); sleep 0.2
ip netns exec a nc -zvu 10.5.0.1 53; echo $?
echo x | ip netns exec a nc -u 10.5.0.1 53; echo $?
ip netns exec a nc -u -l; echo $?
ip netns exec a ss -ua
ip netns del a
ip netns del b
rm -f /tmp/nslab-udp-1 /tmp/nslab-udp-2 /tmp/nslab-udp-3
