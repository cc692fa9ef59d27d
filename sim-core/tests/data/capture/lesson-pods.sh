# Lesson 1's path: a client pod and a server pod on the node's bridge cni0; listeners, ss, nc, curl, and what
# "connection refused" and "timed out" look like on the wire, in a capture started before the client connects.
sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip netns add client
ip netns add server
ip netns exec client sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip netns exec server sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip link add cni0 type bridge
ip link add veth-client type veth peer name eth0 netns client
ip link add veth-server type veth peer name eth0 netns server
ip -n client link set eth0 address 02:42:0a:f4:00:02
ip -n server link set eth0 address 02:42:0a:f4:00:03
ip link set veth-client master cni0
ip link set veth-server master cni0
ip link set cni0 up
ip link set veth-client up
ip link set veth-server up
ip -n client addr add 10.244.0.2/24 dev eth0
ip -n server addr add 10.244.0.3/24 dev eth0
ip -n client link set eth0 up
ip -n server link set eth0 up
ip -n client link set lo up
ip -n server link set lo up
sleep 1
# The first packets between the pods: ARP, then the echo.
timeout 3 tcpdump -nn -i veth-server -c 4 & sleep 0.5; ip netns exec client ping -c 1 10.244.0.3 >/dev/null; wait
timeout 3 tcpdump -nn -e -i cni0 -c 4 & sleep 0.5; ip -n client neigh flush all; ip -n server neigh flush all; ip netns exec client ping -c 1 10.244.0.3 >/dev/null; wait
# Nothing listens yet: refused, and on the wire the server's RST answers the SYN.
ip netns exec client nc -zv 10.244.0.3 8080
ip netns exec client curl -sS http://10.244.0.3:8080/; echo $?
timeout 3 tcpdump -nn -i veth-server -c 2 tcp & sleep 0.5; ip netns exec client nc -z -p 3000 10.244.0.3 8080; wait
timeout 3 tcpdump -nn -i any -c 4 tcp & sleep 0.5; ip netns exec client nc -z -p 3001 10.244.0.3 8080; wait
# A server: its listener in ss, a connection, the three-way handshake in a capture (the client holds the connection 2 s, so the capture's count ends it before the close).
ip netns exec server timeout 20 nc -lk 8080 >/tmp/nslab-pods-1 2>&1 &
sleep 0.3; ip netns exec server ss -tln
ip netns exec client ss -tln
ip netns exec client nc -zv 10.244.0.3 8080
timeout 3 tcpdump -nn -i veth-server -c 3 'tcp port 8080' & sleep 0.5; ip netns exec client timeout 2 nc -p 3002 10.244.0.3 8080; wait
timeout 3 tcpdump -nn -i veth-client -c 3 'tcp[tcpflags] & tcp-syn != 0 or tcp[tcpflags] == tcp-ack' & sleep 0.5; ip netns exec client timeout 2 nc -p 3003 10.244.0.3 8080; wait
timeout 3 tcpdump -nn -q -i veth-server -c 3 'tcp port 8080' & sleep 0.5; ip netns exec client timeout 2 nc -p 3004 10.244.0.3 8080; wait
# Data and the close, and what each end's ss says afterwards.
timeout 3 tcpdump -nn -i veth-server -c 8 'tcp port 8080' & sleep 0.5; echo hello | ip netns exec client nc -N -p 3005 10.244.0.3 8080; sleep 0.3; wait
sleep 0.2; cat /tmp/nslab-pods-1
ip netns exec client ss -tn state time-wait sport = :3005
ip netns exec server ss -tn
ip netns exec server ss -tn state established
kill $(ip netns pids server) 2>/dev/null; sleep 0.2; ip netns exec server ss -tln
# curl against an HTTP reply made with nc, watched on the server's side: SYNs and FINs only.
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec server timeout 3 nc -l 80 >/dev/null & sleep 0.3; ip netns exec client curl -s http://10.244.0.3/; wait
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec server timeout 3 nc -l 80 >/dev/null & sleep 0.3; ip netns exec client curl -s -o /dev/null -w '%{http_code}\n' http://10.244.0.3/; wait
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec server timeout 3 nc -l 80 >/dev/null & sleep 0.3; timeout 3 tcpdump -nn -i veth-server -c 2 'tcp[tcpflags] & tcp-syn != 0' & sleep 0.5; ip netns exec client curl -s http://10.244.0.3/ >/dev/null; wait
# Timed out: the server pod drops SYNs to 8080; the client's SYN is sent again after 1 s.
ip netns exec server iptables -A INPUT -p tcp --dport 8080 -j DROP
ip netns exec client nc -zv -w 1 10.244.0.3 8080
ip netns exec client curl -sS --connect-timeout 1 http://10.244.0.3:8080/; echo $?
ip netns exec server iptables -Z INPUT
timeout 4 tcpdump -nn -i veth-server -c 2 tcp & sleep 0.5; ip netns exec client nc -z -w 1.5 -p 3006 10.244.0.3 8080; wait
ip netns exec server iptables -L INPUT -n -v -x | awk '{print $1, $2, $3}'
ip netns exec server iptables -F INPUT
# A pod that does not exist on the bridge: the client's ARP goes unanswered.
timeout 5 tcpdump -nn -i veth-client -c 3 arp & sleep 0.5; ip netns exec client nc -z -w 4 10.244.0.9 8080; wait
ip netns exec client nc -zv 10.244.0.9 8080
ip netns del client
ip netns del server
ip link del cni0
