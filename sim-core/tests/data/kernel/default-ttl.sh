# net.ipv4.ip_default_ttl is the TTL a namespace's own packets leave with:
# echo requests, echo replies, ICMP errors.
ip netns add a
ip netns add b
ip link add va netns a type veth peer name vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
ip netns exec a ping -c 1 10.0.0.2
ip netns exec b sysctl -w net.ipv4.ip_default_ttl=7
ip netns exec a ping -c 1 10.0.0.2
