# The commands of content/08-veth-anatomy.md, in order.
ip link add veth-red type veth peer name veth-blue
ip link show type veth
ip link set veth-red mtu 1400
ip link show veth-red
ip link show veth-blue
ip link set veth-red up
ip link show veth-red
ip link set veth-blue up
ip link show veth-red
ip netns add lab
ip link set veth-red netns lab
ip link set veth-blue netns lab
ip -n lab link set lo up
ip -n lab addr add 10.0.0.1/24 dev veth-red
ip -n lab addr add 10.0.0.2/24 dev veth-blue
ip -n lab link set veth-red up
ip -n lab link set veth-blue up
ip -n lab route get 10.0.0.2
ip -n lab link set veth-blue down
ip -n lab link set veth-red down
ip netns exec lab ping -c 1 10.0.0.2
ip -n lab link show veth-red
ip -n lab link del veth-red
ip -n lab link show
# Looking around.
ip -n lab route get 10.0.0.1
