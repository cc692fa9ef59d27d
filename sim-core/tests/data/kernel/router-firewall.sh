# Two networks through a router namespace; filter policies, conntrack, REJECT types, counters.
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
ip -n router link set lo up
ip -n a route add default via 10.1.0.1
ip -n b route add default via 10.2.0.1
ip netns exec router sysctl net.ipv4.ip_forward
ip netns exec router sysctl -w net.ipv4.ip_forward=1
ip netns exec a ping -c 1 -W 1 10.2.0.2
ip netns exec router iptables -L
ip netns exec router iptables -L -n -v
ip netns exec router iptables -P FORWARD DROP
ip netns exec router iptables -L FORWARD
ip netns exec a ping -c 1 -W 1 10.2.0.2
ip netns exec router iptables -L FORWARD -v -n
ip netns exec router iptables -A FORWARD -s 10.1.0.0/24 -d 10.2.0.0/24 -j ACCEPT
ip netns exec a ping -c 1 -W 1 10.2.0.2
ip netns exec router iptables -L FORWARD -v -n
ip netns exec router iptables -A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
ip netns exec a ping -c 2 10.2.0.2
ip netns exec b ping -c 1 -W 1 10.1.0.2
ip netns exec router iptables -L FORWARD -v -n
ip netns exec router iptables -L FORWARD -v -n -x
ip netns exec router iptables -L FORWARD --line-numbers
ip netns exec router iptables -L FORWARD -n --line-numbers -v
ip netns exec router iptables --line-numbers -nvL FORWARD
ip netns exec router iptables -nvxL FORWARD --line-numbers
ip netns exec router iptables -vL
ip netns exec router iptables -L FORWARD -vn
ip netns exec router iptables -S
ip netns exec router iptables -S FORWARD
ip netns exec router iptables -S FORWARD 2
ip netns exec router iptables -v -S FORWARD
ip netns exec router iptables -D FORWARD 2
ip netns exec router iptables -A FORWARD -m state --state ESTABLISHED,RELATED -j ACCEPT
ip netns exec router iptables -S FORWARD
ip netns exec a ping -c 1 10.2.0.2
ip netns exec router iptables -L FORWARD -v -n --line-numbers
ip netns exec router iptables -Z FORWARD
ip netns exec router iptables -L FORWARD -v -n
ip netns exec a ping -c 1 10.2.0.2
ip netns exec router iptables -Z FORWARD 1
ip netns exec router iptables -L FORWARD -v -n
ip netns exec router iptables -L -Z FORWARD -v -n
ip netns exec router iptables -L FORWARD -v -n
ip netns exec router iptables-save
ip netns exec router iptables -t nat -L -n -v
ip netns exec router iptables-save
ip netns exec router iptables -t nat -S
ip netns exec a ping -c 1 -W 1 10.1.0.1
ip netns exec router sysctl net.ipv4.icmp_ratelimit net.ipv4.icmp_ratemask
ip netns exec router sysctl -w net.ipv4.icmp_ratelimit=0
ip netns exec router iptables -A INPUT -s 10.1.0.2 -j REJECT
ip netns exec a ping -c 1 -W 1 10.1.0.1
ip netns exec router iptables -S INPUT
ip netns exec router iptables -L INPUT -n
ip netns exec router iptables -R INPUT 1 -s 10.1.0.2 -j REJECT --reject-with icmp-net-unreachable
ip netns exec a ping -c 1 -W 1 10.1.0.1
ip netns exec router iptables -R INPUT 1 -s 10.1.0.2 -j REJECT --reject-with icmp-host-unreachable
ip netns exec a ping -c 1 -W 1 10.1.0.1
ip netns exec router iptables -R INPUT 1 -s 10.1.0.2 -j REJECT --reject-with icmp-port-unreachable
ip netns exec a ping -c 1 -W 1 10.1.0.1
ip netns exec router iptables -R INPUT 1 -s 10.1.0.2 -j REJECT --reject-with icmp-proto-unreachable
ip netns exec a ping -c 1 -W 1 10.1.0.1
ip netns exec router iptables -R INPUT 1 -s 10.1.0.2 -j REJECT --reject-with icmp-net-prohibited
ip netns exec a ping -c 1 -W 1 10.1.0.1
ip netns exec router iptables -R INPUT 1 -s 10.1.0.2 -j REJECT --reject-with icmp-host-prohibited
ip netns exec a ping -c 1 -W 1 10.1.0.1
ip netns exec router iptables -R INPUT 1 -s 10.1.0.2 -j REJECT --reject-with icmp-admin-prohibited
ip netns exec a ping -c 1 -W 1 10.1.0.1
ip netns exec a ping -c 3 -i 0.2 10.1.0.1
ip netns exec router iptables -S INPUT
ip netns exec router iptables -L INPUT -v -n
ip netns exec router iptables -R INPUT 1 -p icmp -j REJECT --reject-with tcp-reset
ip netns exec router iptables -R INPUT 1 -p tcp -j REJECT --reject-with tcp-reset
ip netns exec router iptables -L INPUT -n
ip netns exec router iptables -S INPUT
ip netns exec router iptables -F INPUT
ip netns exec router iptables -I FORWARD 1 -s 10.1.0.2 -j REJECT --reject-with icmp-host-prohibited
ip netns exec a ping -c 1 -W 1 10.2.0.2
ip netns exec router iptables -L FORWARD -v -n
ip netns exec router iptables -D FORWARD 1
ip netns exec router iptables -A OUTPUT -d 10.2.0.2 -j DROP
ip netns exec router ping -c 1 -W 1 10.2.0.2
ip netns exec router ping -c 2 -W 1 10.2.0.2
ip netns exec router ping -c 1 10.2.0.2
ip netns exec router iptables -L OUTPUT -v -n
ip netns exec router iptables -R OUTPUT 1 -d 10.2.0.2 -j REJECT
ip netns exec router ping -c 1 -W 1 10.2.0.2
ip netns exec router ping -c 2 -i 0.2 10.2.0.2
ip netns exec router iptables -R OUTPUT 1 -d 10.2.0.2 -j REJECT --reject-with icmp-admin-prohibited
ip netns exec router ping -c 1 -W 1 10.2.0.2
ip netns exec router iptables -L OUTPUT -v -n
ip netns exec router iptables -F OUTPUT
ip netns exec a ping -c 1 10.2.0.2
ip netns exec router iptables -P FORWARD ACCEPT
ip netns exec router iptables -L -v -n
ip netns exec router iptables -F
ip netns exec router iptables -L -v -n
ip netns exec router iptables -Z
ip netns exec router iptables -L -v -n
ip netns exec router iptables-save
ip netns exec b iptables -S
