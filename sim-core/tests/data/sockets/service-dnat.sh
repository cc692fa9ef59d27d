# A Kubernetes-Service-style DNAT: 10.96.0.10:80 rewritten on the node to a pod's 10.244.1.2:8080, reached from another pod.
ip netns add node
ip netns add pod-a
ip netns add pod-b
ip link add eth0 netns pod-a type veth peer name veth-a netns node
ip link add eth0 netns pod-b type veth peer name veth-b netns node
ip -n pod-a addr add 10.244.0.2/24 dev eth0
ip -n pod-b addr add 10.244.1.2/24 dev eth0
ip -n node addr add 10.244.0.1/24 dev veth-a
ip -n node addr add 10.244.1.1/24 dev veth-b
ip -n pod-a link set eth0 up
ip -n pod-b link set eth0 up
ip -n pod-a link set lo up
ip -n pod-b link set lo up
ip -n node link set veth-a up
ip -n node link set veth-b up
ip -n node link set lo up
ip -n pod-a route add default via 10.244.0.1
ip -n pod-b route add default via 10.244.1.1
ip netns exec node sysctl -w net.ipv4.ip_forward=1
# The pod's server, reached directly first.
ip netns exec pod-b nc -lk 8080 >/tmp/nslab-svc-1 2>&1 &
sleep 0.3; ip netns exec pod-a nc -zv 10.244.1.2 8080
# No Service yet: the node has no route to 10.96.0.10.
ip netns exec pod-a nc -zv -w 1 10.96.0.10 80
ip netns exec node nc -zv -w 1 10.96.0.10 80
# kube-proxy's chains, as iptables mode writes them.
ip netns exec node iptables -t nat -N KUBE-SERVICES
ip netns exec node iptables -t nat -N KUBE-SVC-WEB
ip netns exec node iptables -t nat -N KUBE-SEP-WEB
ip netns exec node iptables -t nat -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
ip netns exec node iptables -t nat -A KUBE-SERVICES -d 10.96.0.10/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-SVC-WEB
ip netns exec node iptables -t nat -A KUBE-SVC-WEB -m comment --comment "default/web -> 10.244.1.2:8080" -j KUBE-SEP-WEB
ip netns exec node iptables -t nat -A KUBE-SEP-WEB -p tcp -m comment --comment default/web -m tcp -j DNAT --to-destination 10.244.1.2:8080
ip netns exec node iptables -t nat -S
ip netns exec pod-a nc -zv 10.96.0.10 80; echo $?
echo hello-service | ip netns exec pod-a nc -N 10.96.0.10 80; echo $?
sleep 0.2; cat /tmp/nslab-svc-1
ip netns exec node iptables -t nat -L -n -v
ip netns exec node iptables -t nat -L KUBE-SEP-WEB -n -v -x
# One connection held open: each end sees its own view of the address.
ip netns exec pod-a nc -p 2000 10.96.0.10 80 >/dev/null 2>&1 &
sleep 0.3; ip netns exec pod-a ss -tn
ip netns exec pod-b ss -tn
ip netns exec pod-a netstat -tn | grep -v TIME_WAIT
ip netns exec pod-b netstat -tn
ip netns exec node ss -tan
ip netns exec node sysctl net.netfilter.nf_conntrack_count
ip netns exec node iptables -t nat -L KUBE-SEP-WEB -n -v -x
kill $(ip netns pids pod-a); echo $?
sleep 0.3; ip netns exec pod-a ss -tan sport = :2000
ip netns exec pod-b ss -tan dport = :2000
# Other ports of the service IP are not rewritten; neither is the node's own traffic.
ip netns exec pod-a nc -zv -w 1 10.96.0.10 443
ip netns exec node nc -zv -w 1 10.96.0.10 80
ip netns exec node iptables -t nat -A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
ip netns exec node nc -zv -w 1 10.96.0.10 80
# The pod behind the service stops listening: refused, through the same DNAT.
kill $(ip netns pids pod-b); echo $?
sleep 0.2; ip netns exec pod-a nc -zv 10.96.0.10 80
ip netns exec pod-a nc -zv 10.244.1.2 8080
ip netns exec node iptables -t nat -L KUBE-SEP-WEB -n -v -x
# Hairpin: the pod calls its own service; without masquerade the reply bypasses the node.
ip netns exec pod-b nc -lk 8080 >/dev/null 2>&1 &
sleep 0.3; ip netns exec pod-b nc -zv -w 1 10.96.0.10 80
ip netns exec node iptables -t nat -A POSTROUTING -s 10.244.1.2/32 -d 10.244.1.2/32 -p tcp --dport 8080 -j MASQUERADE
ip netns exec pod-b nc -zv -w 1 10.96.0.10 80
ip netns exec node iptables -t nat -L POSTROUTING -n -v
kill $(ip netns pids pod-b); echo $?
# A UDP service: 10.96.0.10:53 to the pod's 5353.
ip netns exec node iptables -t nat -A KUBE-SERVICES -d 10.96.0.10/32 -p udp -m udp --dport 53 -j DNAT --to-destination 10.244.1.2:5353
ip netns exec pod-b nc -lu 5353 >/tmp/nslab-svc-2 2>&1 &
sleep 0.3; echo query | ip netns exec pod-a nc -u -w 1 -p 3000 10.96.0.10 53; echo $?
cat /tmp/nslab-svc-2
ip netns exec pod-b ss -uan
ip netns exec pod-a nc -zvu -w 1 10.96.0.10 54; echo $?
ip netns exec node iptables -t nat -L KUBE-SERVICES -n -v
kill $(ip netns pids pod-b); echo $?
ip netns del pod-a
ip netns del pod-b
ip netns del node
rm -f /tmp/nslab-svc-1 /tmp/nslab-svc-2
