# nsenter -t PID -n: a process's network namespace, found by its pid (how
# the docker-host preset's containers are entered), and nsenter's own errors.
ip netns add red
ip netns exec red sleep 30 & echo started
sleep 0.3
nsenter -t $(ip netns pids red) -n ip link
nsenter -t $(ip netns pids red) -n ip netns identify
nsenter --target=$(ip netns pids red) --net ip -br link
nsenter -t $(ip netns pids red) -n -- ip link show lo
nsenter -t $(ip netns pids red) ip netns identify
nsenter -t $(ip netns pids red) -n nosuchprog
nsenter -t $(ip netns pids red) -n /nonexistent/x
nsenter -t $(ip netns pids red) -n
nsenter -t 99999 -n ip link
nsenter --target 99999 --net ip link
nsenter -n ip link
nsenter -t abc -n ip link
nsenter -t -n ip link
nsenter -t 0 -n ip link
nsenter -t -5 -n ip link
nsenter
nsenter --bogus
nsenter --net=/run/netns/red ip netns identify
nsenter --net=/run/netns/nope ip link
