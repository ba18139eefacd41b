import './teller/bb-teller-app';
