# ss and netstat in each state: empty, LISTEN, SYN-SENT, ESTAB, TIME-WAIT; -p, -e, -o, state and address filters.
ip netns add a
ip netns add b
ip link add a0 netns a type veth peer name b0 netns b
ip -n a addr add 10.0.0.1/24 dev a0
ip -n b addr add 10.0.0.2/24 dev b0
ip -n a link set a0 up
ip -n b link set b0 up
ip -n a link set lo up
ip -n b link set lo up
# Nothing open: headers only.
ip netns exec b ss -tln
ip netns exec b ss -tan
ip netns exec b ss -t
ip netns exec b ss -uln
ip netns exec b ss -tn state established
ip netns exec b ss -tlnp
ip netns exec b netstat -tulpn
ip netns exec b netstat -tn
ip netns exec b netstat -tln
ip netns exec b netstat -atn
# A listener.
ip netns exec b timeout 30 nc -l 8080 >/dev/null 2>&1 &
sleep 0.3; ip netns exec b ss -tln
ip netns exec b ss -tlnp
ip netns exec b ss -tlp
ip netns exec b ss -tl
ip netns exec b ss -tan
ip netns exec b ss -ta
ip netns exec b ss -tlno
ip netns exec b ss -tlne 2>/dev/null | awk '{print $1, $NF}'
ip netns exec b ss -tn state listening
ip netns exec b ss -tn state established
ip netns exec b ss -ltn state listening
ip netns exec b ss -tlnH
ip netns exec b netstat -tulpn
ip netns exec b netstat -tln
ip netns exec b netstat -tl
ip netns exec b netstat -tn
ip netns exec b netstat -atn
ip netns exec b netstat -lntp
# Established, with a fixed client port so nothing ephemeral shows.
ip netns exec a nc -p 2000 10.0.0.2 8080 >/dev/null 2>&1 &
sleep 0.3; ip netns exec a ss -tn
ip netns exec b ss -tn
ip netns exec b ss -tan
ip netns exec b ss -tln
ip netns exec a ss -tnp
ip netns exec a ss -tno
ip netns exec a ss -tn state established
ip netns exec a ss -tn state connected
ip netns exec a ss -tn dst 10.0.0.2
ip netns exec a ss -tn dst 10.0.0.3
ip netns exec a ss -tn dport = :8080
ip netns exec a ss -tn sport = :2000
ip netns exec a ss -tn dst 10.0.0.2:8080
ip netns exec a ss -tn src 10.0.0.1:2000
ip netns exec a ss -t
ip netns exec a ss -ta
ip netns exec a ss -tn state time-wait
ip netns exec a netstat -tn
ip netns exec a netstat -t
ip netns exec a netstat -tnp
ip netns exec a netstat -tno
ip netns exec a netstat -atn
ip netns exec b netstat -tn
ip netns exec b netstat -an
ip netns exec b netstat -lan
# The client closes first: TIME-WAIT on its side only.
kill $(ip netns pids a); sleep 0.3; ip netns exec a ss -tan
ip netns exec b ss -tan
ip netns exec a ss -tn state time-wait
ip netns exec a ss -tno state time-wait
ip netns exec a ss -tn state established
ip netns exec a ss -tn
ip netns exec a netstat -tn
ip netns exec a netstat -atn
ip netns exec b netstat -atn
# SYN-SENT while the SYNs are dropped.
ip netns exec b iptables -A INPUT -p tcp --dport 9 -j DROP
ip netns exec a nc -w 2 -p 2001 10.0.0.2 9 & sleep 0.5; ip netns exec a ss -tn state syn-sent; ip netns exec a netstat -tn | grep -v TIME_WAIT; wait
ip netns exec a nc -w 2 -p 2001 10.0.0.2 9 & sleep 0.5; ip netns exec a ss -tno state syn-sent | tr -d 0-9; wait
# Bad filters and options.
ip netns exec a ss -tn state nosuchstate
ip netns exec a ss -tn dst 10.0.0.300
ip netns exec a ss -Q
ip netns exec a ss -tn sport = :abc
ip netns exec a netstat -Q 2>&1 | head -2
ip netns exec a netstat -Q >/dev/null 2>&1; echo $?
ip netns exec a netstat --tcp --numeric
ip netns del a
ip netns del b
