ip netns add client
ip netns add server
ip link add cni0 type bridge
ip link add veth-client type veth peer name eth0 netns client
ip link add veth-server type veth peer name eth0 netns server
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
timeout 3 tcpdump -nn -i veth-server -c 4 'arp or icmp' & sleep 0.5; ip netns exec client ping -c 1 10.244.0.3 >/dev/null; wait
ip netns exec client curl -sS http://10.244.0.3:8080/; echo $?
timeout 3 tcpdump -nn -i veth-server -c 2 tcp & sleep 0.5; ip netns exec client nc -z 10.244.0.3 8080; wait
ip netns exec server timeout 300 nc -lk 8080 >/tmp/server.log 2>&1 &
sleep 0.3; ip netns exec server ss -tln
timeout 3 tcpdump -nn -i veth-server -c 3 'tcp port 8080' & sleep 0.5; ip netns exec client timeout 2 nc 10.244.0.3 8080; wait $!
echo hello | ip netns exec client nc -N 10.244.0.3 8080
cat /tmp/server.log
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec server timeout 3 nc -l 80 >/dev/null & sleep 0.3; ip netns exec client curl -s http://10.244.0.3/; wait $!
printf 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' | ip netns exec server timeout 3 nc -l 80 >/dev/null & sleep 0.3; ip netns exec client curl -s -o /dev/null -w '%{http_code}\n' http://10.244.0.3/; wait $!
ip netns exec server iptables -A INPUT -p tcp --dport 8080 -j DROP
ip netns exec client curl -sS --connect-timeout 1 http://10.244.0.3:8080/; echo $?
ip netns exec server iptables -Z INPUT
timeout 4 tcpdump -nn -i veth-server -c 2 tcp & sleep 0.5; ip netns exec client timeout 1.5 nc -z 10.244.0.3 8080; wait $!
ip netns exec server iptables -L INPUT -n -v
# Not part of the lesson: a look around, then the server goes.
ip netns exec server ss -tln
kill $(ip netns pids server) 2>/dev/null; sleep 0.2; ip netns exec server ss -tln
ip netns del client
ip netns del server
ip link del cni0
