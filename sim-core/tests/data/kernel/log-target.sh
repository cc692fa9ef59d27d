# The LOG target in a namespace other than the initial one: counted, and what the kernel logs.
ip netns add peer
ip link add h0 type veth peer name p0 netns peer
ip addr add 10.9.0.1/24 dev h0
ip link set h0 up
ip -n peer addr add 10.9.0.2/24 dev p0
ip -n peer link set p0 up
iptables -A INPUT -p icmp -j LOG --log-prefix "nslab-issue11-in: "
iptables -A INPUT -p icmp -j LOG
iptables -A OUTPUT -p icmp -j LOG --log-prefix "nslab-issue11-out: " --log-level 4
iptables -A OUTPUT -p icmp -j LOG --log-level debug --log-tcp-sequence --log-ip-options --log-uid
iptables -A OUTPUT -j LOG --log-level warning
ip netns exec peer ping -c 2 -i 0.2 10.9.0.1
iptables -L -n -v
iptables -L
iptables -S
iptables-save
dmesg | grep -c nslab-issue11
cat /proc/sys/net/netfilter/nf_log_all_netns
ls /proc/sys/net/netfilter/ | grep log
cat /proc/sys/net/netfilter/nf_log/2
ip netns exec peer iptables -A OUTPUT -j LOG --log-prefix "nslab-issue11-peer: "
ip netns exec peer ping -c 1 10.9.0.1
ip netns exec peer iptables -L OUTPUT -n -v
dmesg | grep -c nslab-issue11
iptables -A INPUT -j LOG --log-prefix "abcdefghijklmnopqrstuvwxyz0123456789"
iptables -A INPUT -j LOG --log-level emerg
iptables -A INPUT -j LOG --log-level 8
iptables -A INPUT -j LOG --log-prefix ""
iptables -S INPUT
iptables -L INPUT -n
