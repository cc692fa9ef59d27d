# A move into the namespace a device is already in is no change, even for
# devices whose namespace is immutable (lo, bridges); elsewhere they refuse.
ip netns add a
ip -n a link add b0 type bridge
ip -n a link set b0 netns a
ip -n a link set lo netns a
ip -n a link set b0 netns a name b1
ip -n a link set lo netns a mtu 1400
ip netns exec a ip link set b1 netns a
ip -n a link
ip link add b2 type bridge
ip link set b2 netns a
ip link set lo netns a
