# More of what iproute2 says where sim-core's parser did not: -n naming a
# directory, ip link xstats, ip xfrm, ip netns exec of a bad name.
ip -n "" link show lo
ip -n .. link show lo
ip link x
ip link xstats help
ip link xs type veth
ip link x type nosuch
ip link x dev lo
ip x
ip x help
ip x foo
ip xfrm state
ip xfrm policy
ip netns exec . true
ip netns list .
ip netns delete ..
ip netns add ""
ip netns exec a/b true
ip netns identify .
ip netns help .
ip netns nosuch .
ip netns . .
