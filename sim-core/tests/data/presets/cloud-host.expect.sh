# preset: cloud-host
# The card as the lab models it from seed 001 (not recordable here: no
# physical card can be made in a namespace).
ip link show lo
ip link show eth0
ip -d link show eth0
ip link del eth0
ip link set eth0 mtu 9300
hostname
ip netns add box
ip link set eth0 netns box
ip route
ip netns del box
ip link show eth0
