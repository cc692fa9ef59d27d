# Route metrics (mtu [lock], advmss, window, …: parsing, clamping, errors, printing) and ip route get in every output form.
ip link add va type veth peer name vb
ip link set va up
ip link set vb up
ip addr add 10.0.0.1/24 dev va
ip route add 10.9.0.0/16 dev va mtu 1400
ip route add 10.8.0.0/16 dev va mtu lock 1300
ip route add 10.7.0.0/16 dev va advmss 1200 window 100
ip route add 10.6.0.0/16 via 10.0.0.2 metric 5 hoplimit 9 reordering 3 cwnd 10 initcwnd 10 initrwnd 20 ssthresh lock 7 quickack 1
ip route add 10.5.0.0/16 dev va mtu 0
ip route add 10.4.0.0/16 dev va mtu 70000 advmss 70000 hoplimit 255
ip route add 10.3.0.0/16 dev va hoplimit 256
ip route add 10.3.0.0/16 dev va mtu abc
ip route add 10.3.0.0/16 dev va advmss -1
ip route add 10.3.0.0/16 dev va quickack 2
ip route add 10.3.0.0/16 dev va window lock
ip route add 10.3.0.0/16 dev va mtu
ip route add 10.3.0.0/16 dev va w 5 cw 6 initc 7 initr 8 re 9 ss 10 q 0
ip route
ip -j route
ip -j -p route show 10.8.0.0/16
ip -o route
ip route get 10.9.0.1
ip route get 10.8.0.1
ip route get 10.7.0.1
ip route get 10.0.0.2
ip -j route get 10.9.0.1
ip route replace 10.9.0.0/16 dev va mtu 1450
ip route show 10.9.0.0/16
ip route replace 10.9.0.0/16 dev va
ip route show 10.9.0.0/16
ip route del 10.8.0.0/16 mtu 1300
ip route del 10.7.0.0/16 dev va
ip route
ip link set lo up
ip route add default via 10.0.0.2
ip -j route get 10.0.0.1
ip -j route get 10.0.0.255
ip -j route get 8.8.8.8
ip -j -p route get 127.0.0.1
ip -o route get 8.8.8.8
ip -c route get 8.8.8.8
