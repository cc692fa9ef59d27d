# TCP over IPv6 through nc: refused, listeners on ::, on one address and on ::1, data, both ends in ss and netstat, IPv4 clients of a dual-stack listener, family errors.
ip netns add a
ip netns add b
ip link add eth0 netns a type veth peer name eth0 netns b
ip -n a link set eth0 address 02:00:00:00:00:01
ip -n b link set eth0 address 02:00:00:00:00:02
ip -n a addr add fd00::1/64 dev eth0 nodad
ip -n b addr add fd00::2/64 dev eth0 nodad
ip -n a addr add 10.0.0.1/24 dev eth0
ip -n b addr add 10.0.0.2/24 dev eth0
ip -n a link set eth0 up
ip -n b link set eth0 up
ip -n a link set lo up
ip -n b link set lo up
sleep 2
ip netns exec a nc -zv fd00::2 8080; echo $?
ip netns exec a nc -z fd00::2 8080; echo $?
ip netns exec b timeout 3 nc -l -6 8080 >/dev/null & sleep 0.3; ip netns exec b ss -tlnH; ip netns exec b netstat -tln; wait
ip netns exec b timeout 3 nc -l fd00::2 8080 >/dev/null & sleep 0.3; ip netns exec b ss -tlnH; ip netns exec b netstat -tln; wait
ip netns exec b timeout 3 nc -l ::1 8080 >/dev/null & sleep 0.3; ip netns exec b ss -tlnH; ip netns exec b netstat -tln; wait
ip netns exec b timeout 3 nc -l 8080 >/dev/null & sleep 0.3; ip netns exec b ss -tlnH; wait
ip netns exec b timeout 3 nc -l -6 8080 >/dev/null & sleep 0.3; ip netns exec a timeout 1 nc -p 2010 fd00::2 8080 & sleep 0.3; ip netns exec b ss -tnH; ip netns exec a ss -tnH; ip netns exec b netstat -tn; ip netns exec a netstat -tn; wait
ip netns exec b timeout 3 nc -l -6 8080 >/tmp/s6 & sleep 0.3; echo hi | ip netns exec a nc -N -p 2000 fd00::2 8080; echo $?; wait; cat /tmp/s6
ip netns exec b timeout 3 nc -l -6 8080 >/dev/null & sleep 0.3; ip netns exec a timeout 1 nc -p 2011 10.0.0.2 8080 & sleep 0.3; ip netns exec b ss -tnH; ip netns exec b netstat -tn; wait
ip netns exec b timeout 3 nc -lvn -6 8080 & sleep 0.3; ip netns exec a nc -z -p 2012 fd00::2 8080; wait
ip netns exec b timeout 3 nc -lvn -6 8080 & sleep 0.3; ip netns exec a nc -z -p 2013 10.0.0.2 8080; wait
ip netns exec b timeout 3 nc -lvn fd00::2 8080 & sleep 0.3; ip netns exec a nc -z -p 2014 fd00::2 8080; wait
ip netns exec b timeout 3 nc -l fd00::2 8080 >/dev/null & sleep 0.3; ip netns exec a nc -zv 10.0.0.2 8080; echo $?; wait
ip netns exec b timeout 3 nc -l 8080 >/dev/null & sleep 0.3; ip netns exec a nc -zv fd00::2 8080; echo $?; wait
ip netns exec b timeout 3 nc -l -6 8080 >/tmp/v6 & ip netns exec b timeout 3 nc -l 8080 >/tmp/v4 & sleep 0.3; ip netns exec b ss -tlnH; echo x | ip netns exec a nc -N -p 2015 10.0.0.2 8080; echo y | ip netns exec a nc -N -p 2016 fd00::2 8080; wait; cat /tmp/v4 /tmp/v6
ip netns exec b timeout 3 nc -l -6 8080 >/dev/null & sleep 0.3; echo z | ip netns exec b nc -N ::1 8080; echo $?; wait
ip netns exec b timeout 3 nc -l ::1 8080 >/dev/null & sleep 0.3; ip netns exec a nc -zv fd00::2 8080; echo $?; ip netns exec b nc -zv 127.0.0.1 8080; echo $?; ip netns exec b nc -zv ::1 8080; echo $?; wait
ip netns exec a nc -4 fd00::2 80; echo $?
ip netns exec a nc -6 10.0.0.2 80; echo $?
ip netns exec b nc -l -6 10.0.0.2 8080; echo $?
ip netns exec b nc -l -4 fd00::2 8080; echo $?
ip netns exec a nc -s 10.0.0.1 fd00::2 80; echo $?
ip netns exec a nc -s fd00::9 fd00::2 80; echo $?
ip netns exec a nc -s fd00::1 10.0.0.2 80; echo $?
ip netns exec a nc -4 -l fd00::1 8080; echo $?
ip netns exec b nc -l fd00::9 8080; echo $?
ip netns exec a nc -zv fd00::2 80-82; echo $?
ip netns exec a nc -zv fd00:99::1 80; echo $?
ip netns exec a nc -zv :: 8080; echo $?
ip netns exec a nc -zv ::1 8080; echo $?
ip netns exec a nc -zv fe80::ff:fe00:2 8080; echo $?
ip netns exec b timeout 3 nc -l -6 8080 >/dev/null & sleep 0.3; ip netns exec a nc -zv -p 2018 fe80::ff:fe00:2%eth0 8080; echo $?; wait
ip netns exec a nc -zv fe80::ff:fe00:2%nosuch 8080; echo $?
ip netns exec b timeout 3 nc -l -6 8080 >/dev/null & sleep 0.3; ip netns exec a timeout 1 nc -p 2019 fe80::ff:fe00:2%eth0 8080 & sleep 0.3; ip netns exec b ss -tnH; ip netns exec a ss -tnH; wait
ip netns exec b timeout 3 nc -l -6 8080 >/dev/null & sleep 0.3; echo q | ip netns exec a nc -N -p 2020 fd00::2 8080; wait; ip netns exec a ss -tanH sport = :2020; ip netns exec a ss -tanH sport = :2019; ip netns exec a netstat -tn | grep ':2020 '
ip -n b addr add fd00::20/64 dev eth0
ip netns exec b nc -l fd00::20 8080; echo $?
sleep 3
ip netns exec b timeout 1 nc -l fd00::20 8080; echo $?
ip netns del a
ip netns del b
