# iptables -t nat: listing, appending, inserting, deleting, and its errors.
iptables -t nat -S
iptables -t nat -L
iptables -t nat -L -n
iptables -t nat -L -n -v
iptables -t nat -A POSTROUTING -s 10.244.0.0/24 ! -o cni0 -j MASQUERADE
iptables -t nat -A POSTROUTING -o eth0 -j SNAT --to-source 1.2.3.4
iptables -t nat -I POSTROUTING -d 10.0.0.0/8 -j RETURN
iptables -t nat -A PREROUTING -i eth0 -d 1.2.3.4 -j DNAT --to-destination 10.0.0.5
iptables -t nat -I PREROUTING 1 ! -s 10.1.0.0/16 -j ACCEPT
iptables -t nat -A OUTPUT -d 1.2.3.4/32 -j DNAT --to-destination 10.0.0.5:80
iptables -t nat -A INPUT -j ACCEPT
iptables -t nat -A POSTROUTING -s 10.0.0.1 -j MASQUERADE
iptables -t nat -A POSTROUTING -s 10.0.0.1/24 ! -d 10.0.0.0/24 -j MASQUERADE
iptables -t nat -S
iptables -t nat -S POSTROUTING
iptables -t nat -L -n
iptables -t nat -L
iptables -t nat -L POSTROUTING -n -v
iptables -t nat -L -n --line-numbers
iptables -t nat -D POSTROUTING 1
iptables -t nat -D POSTROUTING 9
iptables -t nat -D POSTROUTING -s 10.9.0.0/24 -j MASQUERADE
iptables -t nat -A FOO -j MASQUERADE
iptables -t nat -A POSTROUTING -j BOGUS
iptables -t nat -A POSTROUTING -j SNAT
iptables -t nat -A POSTROUTING -j DNAT --to-destination 1.2.3.4
iptables -t nat -A POSTROUTING -s 300.1.1.1 -j MASQUERADE
iptables -t nat -A INPUT -j MASQUERADE
iptables -t nat -A PREROUTING -o eth0 -j ACCEPT
iptables -t nat -A POSTROUTING -i eth0 -j ACCEPT
iptables -t nat -I POSTROUTING 20 -j ACCEPT
iptables -t nat -A POSTROUTING
iptables -t nat -A
iptables -t nat -L NOPE
iptables -t nat -S NOPE
iptables -t nat -F POSTROUTING
iptables -t nat -S
iptables -t nat -F
iptables -t nat -S
iptables -t bogus -S
iptables
iptables -t nat
iptables -t nat -Q
iptables -S
iptables -L
iptables -A FORWARD -s 10.0.0.0/8 -j ACCEPT
iptables -A INPUT -i lo -j ACCEPT
iptables -S
iptables -L -n
iptables -t filter -D FORWARD 1
iptables -S FORWARD
