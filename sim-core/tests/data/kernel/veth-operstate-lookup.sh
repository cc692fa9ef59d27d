# A veth end's operstate without carrier (LOWERLAYERDOWN or DOWN) is computed when its carrier
# changes, by looking its peer's index up in its own namespace; moving it or switching it on
# does not compute it again.
ip netns add p
ip link add va type veth peer name eth0 netns p
ip -n p link set eth0 up
ip -n p link show eth0
ip netns add q
ip link add vb type veth peer name eth0
ip link set eth0 netns q
ip -n q link set eth0 up
ip -n q link show eth0
ip netns add r
ip link add br0 type bridge
ip link add vc type veth peer name eth0 netns r
ip link set vc master br0
ip -n r link set eth0 up
ip -n r link show eth0
ip netns add s
ip link add vd type veth peer name xx netns s
ip -n s link set xx up
ip -n s link show xx
ip netns add t
ip link add ve type veth peer name eth0 netns t
ip -n t addr add 10.1.1.1/24 dev eth0
ip -n t link set eth0 up
ip -n t link show eth0
