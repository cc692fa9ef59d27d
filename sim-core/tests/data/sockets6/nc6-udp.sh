# UDP over IPv6 through nc: a closed port (ICMPv6 port unreachable), -zu, a listener unconnected then connected to its first peer, an IPv4 sender to a dual-stack listener, ss and netstat, tcpdump of the datagram and its error.
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
ip netns exec a nc -zu fd00::2 9; echo $?
ip netns exec a nc -zvu fd00::2 9; echo $?
echo x | ip netns exec a nc -u -w1 -p 4000 fd00::2 9; echo $?
ip netns exec b timeout 2 nc -lu -6 7000 >/dev/null & sleep 0.3; ip netns exec b ss -ulnH; ip netns exec b ss -uanH; ip netns exec b netstat -uln; wait
ip netns exec b timeout 2 nc -lu fd00::2 7000 >/dev/null & sleep 0.3; ip netns exec b ss -ulnH; ip netns exec b netstat -uan; wait
ip netns exec b timeout 2 nc -lu -6 7000 >/tmp/u6 & sleep 0.3; echo hi | ip netns exec a nc -u -w1 -p 4000 fd00::2 7000; ip netns exec b ss -uanH; ip netns exec b netstat -uan; wait; cat /tmp/u6
ip netns exec b timeout 2 nc -lu -6 7000 >/tmp/u4 & sleep 0.3; echo hi | ip netns exec a nc -u -w1 -p 4001 10.0.0.2 7000; ip netns exec b ss -uanH; wait; cat /tmp/u4
ip netns exec b timeout 2 nc -luvn -6 7000 & sleep 0.3; echo hi | ip netns exec a nc -u -w1 -p 4002 fd00::2 7000; wait
ip netns exec b timeout 2 nc -luvn -6 7000 & sleep 0.3; echo hi | ip netns exec a nc -u -w1 -p 4003 10.0.0.2 7000; wait
ip netns exec a timeout 1 nc -u -p 4004 fd00::2 7000 </dev/null & sleep 0.3; ip netns exec a ss -uanH; wait
ip netns exec a timeout 3 tcpdump -nn -l -i eth0 -c 2 'udp or (icmp6 and ip6[40] == 1)' & sleep 0.5; echo x | ip netns exec a nc -u -w1 -p 4005 fd00::2 9; wait
ip netns exec a timeout 3 tcpdump -nn -l -i eth0 -c 1 udp & ip netns exec b timeout 2 nc -lu -6 7000 >/dev/null & sleep 0.5; echo hey | ip netns exec a nc -u -w1 -p 4006 fd00::2 7000; wait
ip netns exec a nc -zvu fd00:99::1 53; echo $?
ip netns exec a nc -zvu fe80::ff:fe00:2 53; echo $?
ip netns exec a nc -zvu fe80::ff:fe00:2%eth0 53; echo $?
ip netns del a
ip netns del b
