// What a stylesheet import is in jest: nothing (components are tested for behaviour, not looks).
module.exports = {};
