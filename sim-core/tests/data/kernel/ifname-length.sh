# Interface names: IFLA_IFNAME's policy allows 15 bytes; iproute2 checks only
# names given with the "name" keyword (its own error), the kernel the rest.
ip link add name aaaaaaaaaaaaaaaaaaaa type bridge
ip link add dev aaaaaaaaaaaaaaaaaaaa type bridge
ip link add aaaaaaaaaaaaaaaaaaaa type veth
ip link add v1 type veth peer name aaaaaaaaaaaaaaaaaaaa
ip link add v1 type veth peer aaaaaaaaaaaaaaaaaaaa
ip link add bbbbbbbbbbbbbbb type bridge
ip link add v1 type veth peer name v2
ip link set v1 name aaaaaaaaaaaaaaaaaaaa
ip link set dev v1 name cccccccccccccccc
ip link set v1 name ccccccccccccccc
ip link show
ip link add a/b type bridge
ip link add "a b" type bridge
ip link show aaaaaaaaaaaaaaaaaaaa
ip addr add 10.0.0.1/24 dev aaaaaaaaaaaaaaaaaaaa
ip link del aaaaaaaaaaaaaaaaaaaa
