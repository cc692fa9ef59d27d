# ICMPv6 and NDP as tcpdump prints them, and ip6tables' filter table (this machine's ip6tables is the nf_tables variant).
ip netns add t1
ip netns add t2
ip link add veth1 address 02:00:00:00:08:01 type veth peer name veth2 address 02:00:00:00:08:02
ip link set veth1 netns t1
ip link set veth2 netns t2
ip -n t1 -6 addr add 2001:db8:1::1/64 dev veth1 nodad
ip -n t2 -6 addr add 2001:db8:1::2/64 dev veth2 nodad
ip -n t1 link set veth1 up
ip -n t2 link set veth2 up
ip -n t1 link set lo up
ip -n t2 link set lo up
sleep 3
ip netns exec t2 timeout 3 tcpdump -nn -l -i veth2 -c 4 icmp6 & sleep 0.5; ip netns exec t1 ping -6 -c 1 -e 4660 2001:db8:1::2 >/dev/null; wait
ip netns exec t2 timeout 3 tcpdump -nn -l -i veth2 -c 2 'icmp6 and ip6[40] == 128 or ip6[40] == 129' & sleep 0.5; ip netns exec t1 ping -6 -c 1 -e 4660 2001:db8:1::2 >/dev/null; wait
ip netns exec t2 timeout 3 tcpdump -nn -e -l -i veth2 -c 4 icmp6 & sleep 0.5; ip netns exec t1 ping -6 -c 1 -e 4660 fe80::ff:fe00:802%veth1 >/dev/null; wait
ip netns exec t1 ip6tables -V
ip netns exec t1 ip6tables -L -n -v
ip netns exec t2 ip6tables -A INPUT -p ipv6-icmp --icmpv6-type echo-request -j DROP
ip netns exec t2 ip6tables -A INPUT -s 2001:db8:1::/64 -p tcp --dport 22 -j ACCEPT
ip netns exec t2 ip6tables -L -n
ip netns exec t1 ping -6 -c 1 -W 1 2001:db8:1::2
ip netns exec t2 ip6tables -L INPUT -n -v --line-numbers
ip netns exec t2 ip6tables -S
ip netns exec t2 ip6tables -D INPUT 1
ip netns exec t1 ping -6 -c 1 2001:db8:1::2
ip netns exec t2 ip6tables -A INPUT -p ipv6-icmp --icmpv6-type echo-request -j REJECT
ip netns exec t1 ping -6 -c 1 2001:db8:1::2
ip netns exec t2 ip6tables -A INPUT -s 10.0.0.1 -j DROP
ip netns exec t2 ip6tables -A INPUT -p icmp --icmp-type echo-request -j DROP
ip netns exec t2 ip6tables -P FORWARD DROP
ip netns exec t2 ip6tables -L -n -v
ip netns exec t2 ip6tables -F
ip netns exec t2 ip6tables -S
