# The kind-node preset on a real Linux host: the cloud host's lines, Docker's
# two networks, and two kind nodes. A node is a namespace its process holds
# (named only while built) with its own mount namespace, whose /run/netns
# holds the pods' cni-… namespaces: `nsenter -t PID -m -n` works there.
# The bridges made and deleted stand for devices the host and the node had
# before (they move the next free index to where the seed's are).
ip link set lo up
ip netns add gateway
ip netns add internet
ip netns add dns.google
ip netns set gateway 100
ip link add eth0 mtu 9001 type veth peer name lan0 mtu 9001 netns gateway
ip link set eth0 address 06:3e:65:63:1f:39
ip addr add 192.168.1.100/24 brd + dev eth0
ip link set eth0 up
ip route add default via 192.168.1.1
ip -n gateway link set lo up
ip -n gateway link set lan0 up
ip -n gateway addr add 192.168.1.1/24 dev lan0
ip -n gateway link add wan0 type veth peer name edge0 netns internet
ip -n gateway link set wan0 up
ip -n gateway addr add 198.51.100.2/30 dev wan0
ip -n gateway route add default via 198.51.100.1
ip netns exec gateway sysctl -qw net.ipv4.ip_forward=1
ip -n internet link set lo up
ip -n internet link set edge0 up
ip -n internet addr add 198.51.100.1/30 dev edge0
ip -n internet link add core0 type veth peer name eth0 netns dns.google
ip -n internet link set core0 up
ip -n internet addr add 203.0.113.1/30 dev core0
ip -n internet route add 192.168.1.0/24 via 198.51.100.2
ip -n internet route add 8.8.0.0/16 via 203.0.113.2
ip netns exec internet sysctl -qw net.ipv4.ip_forward=1
ip -n dns.google link set lo up
ip -n dns.google addr add 8.8.8.8/32 dev lo
ip -n dns.google addr add 8.8.4.4/32 dev lo
ip -n dns.google link set eth0 up
ip -n dns.google addr add 203.0.113.2/30 dev eth0
ip -n dns.google route add default via 203.0.113.1
ip link add docker0 txqueuelen 0 type bridge
ip link set docker0 address 02:42:5b:1e:7a:39
ip addr add 172.17.0.1/16 brd + dev docker0
ip link set docker0 up
iptables -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
ip link add br-5c1f3e0d2b7a txqueuelen 0 type bridge
ip link set br-5c1f3e0d2b7a address 02:42:91:0c:4e:d2
ip addr add 172.18.0.1/16 brd + dev br-5c1f3e0d2b7a
ip link set br-5c1f3e0d2b7a up
iptables -t nat -A POSTROUTING -s 172.18.0.0/16 ! -o br-5c1f3e0d2b7a -j MASQUERADE
sysctl -qw net.ipv4.ip_forward=1
ip netns add kind-control-plane
ip netns exec kind-control-plane unshare --mount --propagation private sh -c 'mount -t tmpfs none /run/netns && exec sleep 3600' >/dev/null 2>&1 & echo $! > /tmp/nslab-kind-control-plane.pid
ip link add veth1c7e52a txqueuelen 0 type veth peer name veth0a9d3f1 txqueuelen 0
ip link set veth0a9d3f1 netns kind-control-plane
ip -n kind-control-plane link set veth0a9d3f1 name eth0
ip -n kind-control-plane link set eth0 address 02:42:ac:12:00:02
ip -n kind-control-plane addr add 172.18.0.2/16 brd + dev eth0
ip -n kind-control-plane link set lo up
ip -n kind-control-plane link set eth0 up
ip -n kind-control-plane route add default via 172.18.0.1
ip link set veth1c7e52a master br-5c1f3e0d2b7a up
for i in 7 8 9 10 11 12 13 14; do ip link add gone$i type bridge && ip link del gone$i; done
ip netns add kind-worker
ip netns exec kind-worker unshare --mount --propagation private sh -c 'mount -t tmpfs none /run/netns && exec sleep 3600' >/dev/null 2>&1 & echo $! > /tmp/nslab-kind-worker.pid
ip link add veth9b2e6d0 txqueuelen 0 type veth peer name veth4f8a1c3 txqueuelen 0
ip link set veth4f8a1c3 netns kind-worker
ip -n kind-worker link set veth4f8a1c3 name eth0
ip -n kind-worker link set eth0 address 02:42:ac:12:00:03
ip -n kind-worker addr add 172.18.0.3/16 brd + dev eth0
ip -n kind-worker link set lo up
ip -n kind-worker link set eth0 up
ip -n kind-worker route add default via 172.18.0.1
ip link set veth9b2e6d0 master br-5c1f3e0d2b7a up
ip -n kind-control-plane route add 10.244.3.0/24 via 172.18.0.3
ip -n kind-worker route add 10.244.0.0/24 via 172.18.0.2
ip netns exec kind-worker sysctl -qw net.ipv4.ip_forward=1
ip netns exec kind-control-plane sysctl -qw net.ipv4.ip_forward=1
ip netns delete kind-control-plane
ip netns delete kind-worker
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip netns add cni-c5b8b5eb-b4e7-1254-9712-68d51dd52926
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip netns set cni-c5b8b5eb-b4e7-1254-9712-68d51dd52926 1
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip -n cni-c5b8b5eb-b4e7-1254-9712-68d51dd52926 link add eth0 txqueuelen 0 type veth peer name veth09e8e743 txqueuelen 0
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip -n cni-c5b8b5eb-b4e7-1254-9712-68d51dd52926 link set veth09e8e743 netns $(cat /tmp/nslab-kind-worker.pid)
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip link set veth09e8e743 address fa:ab:66:67:11:24 up
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip addr add 10.244.3.1/32 dev veth09e8e743
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip route add 10.244.3.8 dev veth09e8e743 scope host
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip -n cni-c5b8b5eb-b4e7-1254-9712-68d51dd52926 link set lo up
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip -n cni-c5b8b5eb-b4e7-1254-9712-68d51dd52926 addr add 10.244.3.8/24 dev eth0
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip -n cni-c5b8b5eb-b4e7-1254-9712-68d51dd52926 link set eth0 up
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip -n cni-c5b8b5eb-b4e7-1254-9712-68d51dd52926 route del 10.244.3.0/24 dev eth0
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip -n cni-c5b8b5eb-b4e7-1254-9712-68d51dd52926 route add 10.244.3.1 dev eth0 scope link src 10.244.3.8
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip -n cni-c5b8b5eb-b4e7-1254-9712-68d51dd52926 route add 10.244.3.0/24 via 10.244.3.1 dev eth0 src 10.244.3.8
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip -n cni-c5b8b5eb-b4e7-1254-9712-68d51dd52926 route add default via 10.244.3.1 dev eth0
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip netns add cni-fee38a0c-3503-10d5-39c7-a5bf173e0caf
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip netns set cni-fee38a0c-3503-10d5-39c7-a5bf173e0caf 4
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip -n cni-fee38a0c-3503-10d5-39c7-a5bf173e0caf link add eth0 txqueuelen 0 type veth peer name veth8a50c639 txqueuelen 0
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n sh -c 'for i in 3 4 5; do ip link add gone$i type bridge && ip link del gone$i; done'
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip -n cni-fee38a0c-3503-10d5-39c7-a5bf173e0caf link set veth8a50c639 netns $(cat /tmp/nslab-kind-worker.pid)
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip link set veth8a50c639 address 4e:8e:5d:9d:1a:9d up
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip addr add 10.244.3.1/32 dev veth8a50c639
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip route add 10.244.3.9 dev veth8a50c639 scope host
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip -n cni-fee38a0c-3503-10d5-39c7-a5bf173e0caf link set lo up
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip -n cni-fee38a0c-3503-10d5-39c7-a5bf173e0caf addr add 10.244.3.9/24 dev eth0
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip -n cni-fee38a0c-3503-10d5-39c7-a5bf173e0caf link set eth0 up
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip -n cni-fee38a0c-3503-10d5-39c7-a5bf173e0caf route del 10.244.3.0/24 dev eth0
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip -n cni-fee38a0c-3503-10d5-39c7-a5bf173e0caf route add 10.244.3.1 dev eth0 scope link src 10.244.3.9
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip -n cni-fee38a0c-3503-10d5-39c7-a5bf173e0caf route add 10.244.3.0/24 via 10.244.3.1 dev eth0 src 10.244.3.9
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip -n cni-fee38a0c-3503-10d5-39c7-a5bf173e0caf route add default via 10.244.3.1 dev eth0
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip netns add cni-f4fd112d-d27d-954c-253c-858ed398084f
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip netns set cni-f4fd112d-d27d-954c-253c-858ed398084f 5
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip -n cni-f4fd112d-d27d-954c-253c-858ed398084f link add eth0 txqueuelen 0 type veth peer name vethca880bcd txqueuelen 0
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip -n cni-f4fd112d-d27d-954c-253c-858ed398084f link set vethca880bcd netns $(cat /tmp/nslab-kind-worker.pid)
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip link set vethca880bcd address 12:4d:cb:11:ad:4f up
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip addr add 10.244.3.1/32 dev vethca880bcd
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip route add 10.244.3.4 dev vethca880bcd scope host
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip -n cni-f4fd112d-d27d-954c-253c-858ed398084f link set lo up
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip -n cni-f4fd112d-d27d-954c-253c-858ed398084f addr add 10.244.3.4/24 dev eth0
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip -n cni-f4fd112d-d27d-954c-253c-858ed398084f link set eth0 up
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip -n cni-f4fd112d-d27d-954c-253c-858ed398084f route del 10.244.3.0/24 dev eth0
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip -n cni-f4fd112d-d27d-954c-253c-858ed398084f route add 10.244.3.1 dev eth0 scope link src 10.244.3.4
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip -n cni-f4fd112d-d27d-954c-253c-858ed398084f route add 10.244.3.0/24 via 10.244.3.1 dev eth0 src 10.244.3.4
nsenter -t $(cat /tmp/nslab-kind-worker.pid) -m -n ip -n cni-f4fd112d-d27d-954c-253c-858ed398084f route add default via 10.244.3.1 dev eth0
# preset: kind-node
# The commands of content/10-kind-node.md, in order, on its preset.
docker exec kind-worker ip netns list
docker exec kind-worker ip link | awk '/^[0-9]+:/ {sub(/:/, "", $2);print$2}'
docker exec kind-worker ip address | grep "inet "
docker exec kind-worker ip address | grep -v inet6 | grep -v forever
docker exec kind-worker ip netns exec cni-c5b8b5eb-b4e7-1254-9712-68d51dd52926 ip address show eth0
docker exec kind-worker ip route
docker exec kind-worker ip netns exec cni-c5b8b5eb-b4e7-1254-9712-68d51dd52926 ping -c 2 10.244.3.9
