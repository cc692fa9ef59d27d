# TCP over IPv6 on the wire: tcpdump of a handshake, data and close over a veth and over lo, refused (RST), and a REJECT's ICMPv6 errors as nc reports them.
ip netns add a
ip netns add b
ip link add eth0 netns a type veth peer name eth0 netns b
ip -n a link set eth0 address 02:00:00:00:00:01
ip -n b link set eth0 address 02:00:00:00:00:02
ip -n a addr add fd00::1/64 dev eth0 nodad
ip -n b addr add fd00::2/64 dev eth0 nodad
ip -n a link set eth0 up
ip -n b link set eth0 up
ip -n a link set lo up
ip -n b link set lo up
sleep 2
ip netns exec b timeout 3 nc -l -6 8080 >/dev/null & sleep 0.3; ip netns exec a timeout 3 tcpdump -nn -l -i eth0 -c 3 tcp & sleep 0.5; ip netns exec a nc -z -p 2000 fd00::2 8080; wait
ip netns exec b timeout 3 nc -l -6 8080 >/dev/null & sleep 0.3; ip netns exec a timeout 3 tcpdump -nn -l -i eth0 -c 8 tcp & sleep 0.5; echo hello | ip netns exec a nc -N -p 2001 fd00::2 8080; wait
ip netns exec a timeout 3 tcpdump -nn -l -i eth0 -c 2 tcp & sleep 0.5; ip netns exec a nc -z -p 2002 fd00::2 8081; echo $?; wait
ip netns exec b timeout 3 nc -l ::1 8080 >/dev/null & sleep 0.3; ip netns exec b timeout 3 tcpdump -nn -l -i lo -c 3 tcp & sleep 0.5; ip netns exec b nc -z -p 2003 ::1 8080; wait
ip netns exec b ip6tables -A INPUT -p tcp --dport 9 -j REJECT
ip netns exec a nc -zv fd00::2 9; echo $?
ip netns exec b ip6tables -R INPUT 1 -p tcp --dport 9 -j REJECT --reject-with icmp6-adm-prohibited
ip netns exec a nc -zv fd00::2 9; echo $?
ip netns exec b ip6tables -R INPUT 1 -p tcp --dport 9 -j REJECT --reject-with icmp6-addr-unreachable
ip netns exec a nc -zv fd00::2 9; echo $?
ip netns exec b ip6tables -R INPUT 1 -p tcp --dport 9 -j REJECT --reject-with icmp6-no-route
ip netns exec a nc -zv fd00::2 9; echo $?
ip netns exec b ip6tables -R INPUT 1 -p tcp --dport 9 -j REJECT --reject-with tcp-reset
ip netns exec a nc -zv fd00::2 9; echo $?
ip netns exec b ip6tables -R INPUT 1 -p tcp --dport 9 -j DROP
ip netns exec a nc -zv -w 2 fd00::2 9; echo $?
ip netns exec b ip6tables -L INPUT -v -n
ip -n a -6 route add unreachable fd00:5::/64
ip netns exec a nc -zv fd00:5::1 80; echo $?
ip -n a -6 route add prohibit fd00:6::/64
ip netns exec a nc -zv fd00:6::1 80; echo $?
ip -n a -6 route add blackhole fd00:7::/64
ip netns exec a nc -zv fd00:7::1 80; echo $?
ip netns exec a nc -zv fd00::99 80; echo $?
ip netns del a
ip netns del b
