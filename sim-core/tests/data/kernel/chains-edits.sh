# User chains, jumps, RETURN, first match, edits by rule and by number, policy counters.
ip netns add peer
ip link add h0 type veth peer name p0 netns peer
ip addr add 10.9.0.1/24 dev h0
ip link set h0 up
ip -n peer addr add 10.9.0.2/24 dev p0
ip -n peer link set p0 up
ip -n peer link set lo up
iptables -N WEB
iptables -N web2
iptables -L -n
iptables -S
iptables -L WEB -n -v
iptables -S WEB
iptables -A INPUT -s 10.9.0.2 -j WEB
iptables -A WEB -p icmp --icmp-type echo-request -j RETURN
iptables -A WEB -j DROP
iptables -L -n --line-numbers
iptables -L
ip netns exec peer ping -c 1 -W 1 10.9.0.1
iptables -L -n -v
iptables -I WEB 1 -p icmp -j DROP
ip netns exec peer ping -c 1 -W 1 10.9.0.1
iptables -L WEB -n -v --line-numbers
iptables -D WEB -p icmp -j DROP
iptables -L WEB -n -v --line-numbers
iptables -D WEB -p icmp -j DROP
iptables -I WEB 2 -s 10.9.0.2 -j ACCEPT
iptables -I WEB -d 10.9.0.1 -j LOG
iptables -L WEB -n --line-numbers
iptables -S WEB
iptables -R WEB 3 -s 10.9.0.2 -j REJECT
iptables -S WEB
iptables -D WEB 1
iptables -S WEB
iptables -D WEB -s 10.9.0.2/32 -j REJECT
iptables -S WEB
iptables -E web2 WEB-OUT
iptables -S
iptables -A OUTPUT -d 10.9.0.2 -j WEB-OUT
iptables -A WEB-OUT -j RETURN
iptables -A WEB-OUT -j DROP
ip netns exec peer ping -c 2 10.9.0.1
iptables -L -n -v
iptables -L -v
iptables -L WEB-OUT -v -n -x --line-numbers
iptables -P INPUT DROP
ip netns exec peer ping -c 1 -W 1 10.9.0.1
iptables -L INPUT -n -v
iptables -F WEB
iptables -A WEB -j ACCEPT
ip netns exec peer ping -c 1 10.9.0.1
iptables -L INPUT -n -v
iptables -L WEB -n -v
iptables -P INPUT ACCEPT
iptables -Z INPUT
iptables -L INPUT -n -v
iptables -L WEB -n -v
iptables -Z WEB
iptables -L WEB -n -v
iptables-save -c
iptables -S -v
iptables -D INPUT 1
iptables -X WEB
iptables -L -n
iptables -F WEB-OUT
iptables -D OUTPUT -d 10.9.0.2 -j WEB-OUT
iptables -X WEB-OUT
iptables -S
iptables -N a
iptables -N b
iptables -N c
iptables -A a -j b
iptables -X
iptables -S
iptables -D a 1
iptables -X
iptables -S
iptables -N Z
iptables -N A
iptables -N m
iptables -L -n
iptables -S
iptables-save
iptables -X
iptables -A INPUT -p icmp -j ACCEPT
iptables -A INPUT -p icmp -j DROP
iptables -A INPUT -j ACCEPT
iptables -I INPUT 4 -j DROP
iptables -L INPUT -n --line-numbers
ip netns exec peer ping -c 1 -W 1 10.9.0.1
iptables -L INPUT -n -v --line-numbers
iptables -D INPUT 1
ip netns exec peer ping -c 1 -W 1 10.9.0.1
iptables -L INPUT -n -v --line-numbers
iptables -F
iptables -N 123
iptables -N -x
iptables -N ACCEPT
iptables -N a.b-c_d
iptables -N abcdefghijklmnopqrstuvwxyz0123
iptables -N abcdefghijklmnopqrstuvwxyz01234
iptables -S
iptables -F a.b-c_d
iptables -X
iptables -S
iptables -P WEB DROP
iptables -N X
iptables -P X DROP
iptables -E INPUT FOO
iptables -X INPUT
iptables -L -n -v -t filter INPUT
iptables -t filter -L INPUT --line-numbers -n -x -v
iptables -L INPUT -n -v --exact
iptables --list INPUT --numeric --verbose --line-numbers
iptables --list-rules
iptables -A INPUT -s 10.9.0.2 -m comment --comment "allow the peer" -j ACCEPT
iptables -A INPUT -p tcp -m multiport --dports 80,443,8000:8080 -j ACCEPT
iptables -A INPUT -p udp --sport 53 -j ACCEPT
iptables -A INPUT -p tcp --dport 1000:2000 ! -s 10.9.0.0/24 -j DROP
iptables -A INPUT ! -i h0 -p icmp --icmp-type 8 -j DROP
iptables -A INPUT -i h+ -o lo -j ACCEPT
iptables -A OUTPUT -o h0 ! -d 10.9.0.2 -p all -j ACCEPT
iptables -A INPUT -p icmp --icmp-type echo-reply -j ACCEPT
iptables -A INPUT -p icmp --icmp-type destination-unreachable -j ACCEPT
iptables -A INPUT -p icmp --icmp-type 3/3 -j ACCEPT
iptables -A INPUT -p tcp --syn -j ACCEPT
iptables -A INPUT -p tcp -m tcp --dport ssh -j ACCEPT
iptables -A INPUT -s 10.9.0.0/255.255.0.0 -j ACCEPT
iptables -A INPUT -d 10.9.0.7/32 -j ACCEPT
iptables -S
iptables -L -n
iptables -L
iptables -L -v -n
iptables-save
