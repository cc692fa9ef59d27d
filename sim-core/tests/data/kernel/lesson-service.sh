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
ip -n node link set veth-a up
ip -n node link set veth-b up
ip -n pod-a route add default via 10.244.0.1
ip -n pod-b route add default via 10.244.1.1
ip netns exec node sysctl -w net.ipv4.ip_forward=1
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec pod-b timeout 3 nc -l 8080 >/dev/null & sleep 0.3; ip netns exec pod-a curl -s http://10.244.1.2:8080/; wait
ip netns exec pod-a curl -sS --connect-timeout 1 http://10.96.0.10/; echo $?
ip netns exec node timeout 3 tcpdump -nn -i veth-a -c 2 'tcp or icmp' & sleep 0.5; ip netns exec pod-a nc -z 10.96.0.10 80; wait
ip netns exec node iptables -t nat -N KUBE-SERVICES
ip netns exec node iptables -t nat -N KUBE-SVC-WEB
ip netns exec node iptables -t nat -N KUBE-SEP-WEB
ip netns exec node iptables -t nat -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
ip netns exec node iptables -t nat -A KUBE-SERVICES -d 10.96.0.10/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-SVC-WEB
ip netns exec node iptables -t nat -A KUBE-SVC-WEB -m comment --comment "default/web -> 10.244.1.2:8080" -j KUBE-SEP-WEB
ip netns exec node iptables -t nat -A KUBE-SEP-WEB -p tcp -m comment --comment default/web -m tcp -j DNAT --to-destination 10.244.1.2:8080
ip netns exec node iptables -t nat -L -n -v
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec pod-b timeout 3 nc -l 8080 >/dev/null & sleep 0.3; ip netns exec pod-a curl -s http://10.96.0.10/; wait
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec pod-b timeout 3 nc -l 8080 >/dev/null & sleep 0.3; ip netns exec pod-a curl -s -o /dev/null -w '%{http_code} %{remote_ip}:%{remote_port}\n' http://10.96.0.10/; wait
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec pod-b timeout 3 nc -l 8080 >/dev/null & sleep 0.3; ip netns exec node timeout 3 tcpdump -nn -i any -c 4 'tcp[tcpflags] & tcp-syn != 0' & sleep 0.5; ip netns exec pod-a curl -s --local-port 2001 http://10.96.0.10/ >/dev/null; wait
ip netns exec node iptables -t nat -L KUBE-SEP-WEB -n -v -x
ip netns exec pod-b timeout 30 nc -lk 8080 >/dev/null 2>&1 &
sleep 0.3; ip netns exec pod-b nc -zv -w 1 10.96.0.10 80
ip netns exec node timeout 3 tcpdump -nn -i veth-b -c 2 'tcp[tcpflags] == tcp-syn' & sleep 0.5; ip netns exec pod-b nc -z -w 1 -p 2006 10.96.0.10 80; wait
ip netns exec node iptables -t nat -A POSTROUTING -s 10.244.1.2/32 -d 10.244.1.2/32 -j MASQUERADE
ip netns exec pod-b nc -zv -w 1 10.96.0.10 80
ip netns exec node timeout 3 tcpdump -nn -i veth-b -c 4 'tcp[tcpflags] & tcp-syn != 0' & sleep 0.5; ip netns exec pod-b nc -z -w 1 -p 2007 10.96.0.10 80; wait
# Not part of the lesson: every rule, then the pods go.
ip netns exec node iptables -t nat -S
ip netns exec node iptables -t nat -L POSTROUTING -n -v -x
kill $(ip netns pids pod-b) 2>/dev/null; sleep 0.2
ip netns del pod-a
ip netns del pod-b
ip netns del node
