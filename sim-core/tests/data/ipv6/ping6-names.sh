# ping -6 with names and odd sources: localhost and ip6-localhost from /etc/hosts, -I with a link-local address and its scope, -4 localhost.
ip netns add n1
ip netns add n2
ip link add veth1 address 02:00:00:00:0e:01 type veth peer name veth2 address 02:00:00:00:0e:02
ip link set veth1 netns n1
ip link set veth2 netns n2
ip -n n1 link set lo up
ip -n n2 link set lo up
ip -n n1 link set veth1 up
ip -n n2 link set veth2 up
sleep 3
ip netns exec n1 ping -6 -c 1 localhost
ip netns exec n1 ping6 -c 1 ip6-localhost
ip netns exec n1 ping -c 1 ip6-localhost
ip netns exec n1 ping -4 -c 1 ip6-localhost
ip netns exec n1 ping -6 -c 1 -I fe80::ff:fe00:e01%veth1 fe80::ff:fe00:e02
ip netns exec n1 ping -6 -c 1 -I fe80::ff:fe00:e01 fe80::ff:fe00:e02%veth1
ip netns exec n1 ping -6 -c 1 nosuchhost
