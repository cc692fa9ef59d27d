# conntrack for ICMP through a router namespace: when entries exist, NEW/ESTABLISHED/RELATED/INVALID counters.
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
ip -n a route add default via 10.1.0.1
ip -n b route add default via 10.2.0.1
ip netns exec router sysctl -w net.ipv4.ip_forward=1
ip netns exec router sysctl -w net.ipv4.icmp_ratelimit=0
ip netns exec b sysctl -w net.ipv4.icmp_ratelimit=0
ip netns exec router sysctl net.netfilter.nf_conntrack_count
ip netns exec a ping -c 1 10.2.0.2
ip netns exec router sysctl net.netfilter.nf_conntrack_count
ip netns exec router iptables -A FORWARD -j ACCEPT
ip netns exec a ping -c 1 10.2.0.2
ip netns exec router sysctl net.netfilter.nf_conntrack_count
ip netns exec router iptables -I FORWARD -m conntrack --ctstate NEW
ip netns exec router iptables -I FORWARD -m conntrack --ctstate ESTABLISHED
ip netns exec router iptables -I FORWARD -m conntrack --ctstate RELATED
ip netns exec router iptables -I FORWARD -m conntrack --ctstate INVALID
ip netns exec router iptables -I FORWARD -m conntrack --ctstate UNTRACKED
ip netns exec router iptables -I FORWARD -m conntrack --ctstate SNAT,DNAT
ip netns exec router iptables -I FORWARD -m state --state NEW,ESTABLISHED
ip netns exec router iptables -L FORWARD -n -v --line-numbers
ip netns exec a ping -c 3 -i 0.2 10.2.0.2
ip netns exec router iptables -L FORWARD -n -v --line-numbers
ip netns exec router sysctl net.netfilter.nf_conntrack_count
ip netns exec router cat /proc/net/nf_conntrack | wc -l
ip netns exec router sh -c "sed -e 's/ id=[0-9]*//g' -e 's/ icmp     1 [0-9]* / icmp     1 T /' /proc/net/nf_conntrack | sort"
ip netns exec a ping -c 1 -W 1 10.3.0.9
ip netns exec router iptables -L FORWARD -n -v --line-numbers
ip netns exec router iptables -Z FORWARD
ip netns exec router ip route add 10.7.0.0/24 via 10.2.0.2
ip netns exec b sysctl -w net.ipv4.ip_forward=1
ip netns exec b ip route add 10.7.0.0/24 via 10.2.0.1
ip netns exec a ping -c 1 -W 1 -t 2 10.7.0.5
ip netns exec router iptables -L FORWARD -n -v --line-numbers
ip netns exec router iptables -Z FORWARD
ip netns exec b ip addr add 10.2.0.22/24 dev b0
ip netns exec b iptables -A INPUT -d 10.2.0.22 -j REJECT --reject-with icmp-host-prohibited
ip netns exec a ping -c 1 -W 1 10.2.0.22
ip netns exec router iptables -L FORWARD -n -v --line-numbers
ip netns exec router sysctl net.netfilter.nf_conntrack_count
ip netns exec router sh -c "sed -e 's/ id=[0-9]*//g' -e 's/ icmp     1 [0-9]* / icmp     1 T /' /proc/net/nf_conntrack | sort"
ip netns exec router iptables -F FORWARD
ip netns exec router iptables -P FORWARD DROP
ip netns exec router iptables -A FORWARD -s 10.1.0.0/24 -m conntrack --ctstate NEW -j ACCEPT
ip netns exec router iptables -A FORWARD -m conntrack --ctstate ESTABLISHED -j ACCEPT
ip netns exec a ping -c 1 -W 1 10.2.0.22
ip netns exec router iptables -L FORWARD -n -v --line-numbers
ip netns exec router iptables -A FORWARD -m conntrack --ctstate RELATED -j ACCEPT
ip netns exec a ping -c 1 -W 1 10.2.0.22
ip netns exec router iptables -L FORWARD -n -v --line-numbers
ip netns exec a ping -c 2 -i 0.2 10.2.0.2
ip netns exec b ping -c 1 -W 1 10.1.0.2
ip netns exec router iptables -L FORWARD -n -v --line-numbers
ip netns exec router iptables -S FORWARD
ip netns exec router iptables -L FORWARD
ip netns exec router iptables -t nat -A POSTROUTING -o rb -j MASQUERADE
ip netns exec a ping -c 1 10.2.0.2
ip netns exec router sh -c "sed -e 's/ id=[0-9]*//g' -e 's/ icmp     1 [0-9]* / icmp     1 T /' /proc/net/nf_conntrack | sort"
ip netns exec router iptables -I FORWARD -m conntrack --ctstate SNAT
ip netns exec router iptables -I FORWARD -m conntrack --ctstate DNAT
ip netns exec a ping -c 2 -i 0.2 10.2.0.2
ip netns exec router iptables -L FORWARD -n -v --line-numbers
ip netns exec a sysctl net.netfilter.nf_conntrack_count
ip netns exec a iptables -t nat -L -n
ip netns exec a ping -c 1 10.2.0.2
ip netns exec a sysctl net.netfilter.nf_conntrack_count
ip netns exec a iptables -A OUTPUT -m state --state NEW
ip netns exec a ping -c 1 10.2.0.2
ip netns exec a sysctl net.netfilter.nf_conntrack_count
ip netns exec a iptables -L OUTPUT -n -v
