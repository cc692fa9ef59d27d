# ip netns pids and ip netns identify (iproute2 6.1), with processes
# started in namespaces as background jobs.
ip netns add a
ip netns add b
ip netns pids a
ip netns pids nosuch
ip netns pids
ip netns pids a b
ip netns identify
ip netns identify 99999
ip netns identify abc
ip netns identify 1
ip netns identify 1 2
ip netns identify -1
ip netns exec a sleep 2 & sleep 0.2; ip netns pids a | wc -l; ip netns pids b | wc -l
ip netns exec a sleep 2 & sleep 0.2; ip netns identify $!
ip netns exec b sleep 1 & sleep 0.2; [ "$(ip netns pids b)" = "$!" ] && echo same
sleep 1 & ip netns identify $!
ip netns exec a sleep 1 & ip netns exec a sleep 1 & sleep 0.2; ip netns pids a | wc -l
ip netns exec a bash -c 'ip netns identify $$'
ip netns exec b bash -c 'sleep 1 & ip netns identify $!'
ip netns exec a sleep 1 & sleep 0.2; ip netns delete a; ip netns pids a; wait
ip netns add a
ip netns pids a
