iptables -N INPUT
iptables -N X
iptables -E X INPUT
iptables -E X abcdefghijklmnopqrstuvwxyz0123
iptables -E X 'a b'
iptables -C FOO -j ACCEPT
iptables -L PREROUTING
iptables -S PREROUTING
iptables -Z FOO 1
iptables -S FOO 1
iptables -I FOO 1 -j ACCEPT
iptables -R FOO 1 -j ACCEPT
iptables -A INPUT -s 1.1.1.1,2.2.2.2 -j ACCEPT
iptables -D INPUT -s 1.1.1.1,2.2.2.2 -j ACCEPT
iptables -D INPUT -s 1.1.1.1,3.3.3.3 -j ACCEPT
iptables -S INPUT
iptables -A INPUT -p tcp --syn --sport 1 --dport 2
iptables -A INPUT -p tcp ! --tcp-flags SYN,ACK SYN
iptables -A INPUT -p tcp --tcp-option 5
iptables -S INPUT
iptables -L INPUT
iptables -L -n -n
iptables -L --line-numbers --line-numbers
iptables -A INPUT -n -j ACCEPT
iptables -A INPUT -v -j ACCEPT
iptables -L -x
iptables -v -v -L INPUT
iptables -P INPUT DROP -c 5 6
iptables -L INPUT -v
iptables -F -n
iptables -S -n
iptables -A INPUT -f
iptables -A INPUT -j ACCEPT -g X
iptables -A INPUT -g X
iptables -X -v
iptables -N Y -v
iptables -A Y -j RETURN -c 1 2
iptables -S Y -v
iptables -F INPUT 1
iptables -X Y Z
iptables -P INPUT ACCEPT extra
iptables -L INPUT 1 2
iptables -A INPUT ! -s 10.0.0.1 ! -d 10.0.0.2 ! -i eth0 ! -p tcp
iptables -S INPUT
iptables -L INPUT -v -n
