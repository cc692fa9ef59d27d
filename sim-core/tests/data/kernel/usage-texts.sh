ip link help
ip route help
ip address help
ip neigh help
ip netns help
ip link add x type veth foo
ip link add b type bridge bridge
ip link add x type veth help
ip link add b type bridge help
bridge help
bridge link help
bridge fdb help
ip route del
ip route add
ip neigh show master br0
ip link show master help
bridge link show master help
ip route add 10.9.0.0/16
ip route add default
ip netns set red 5
ip netns add red
ip netns set red 5
ip netns list
ip netns set red auto
ip netns set red 5
ip netns set nowhere 3
ip netns set red x
