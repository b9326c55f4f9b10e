// How the portal writes times, sizes and kinds of file for people: the reader's own time zone and language, decimal
// units, and a readable name for a MIME type.
(function () {
  'use strict';

  function localTime(iso) {
    return new Date(iso).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
  }

  function localDate(isoDate) {
    // A calendar date (a loss date) is not an instant: it is shown as written, in the reader's language.
    var parts = String(isoDate).split('-').map(Number);
    return new Date(parts[0], parts[1] - 1, parts[2]).toLocaleDateString(undefined, { dateStyle: 'long' });
  }

  function plural(count, unit) { return count + ' ' + unit + (count === 1 ? '' : 's'); }

  function expiresIn(iso, now) {
    var minutes = Math.round((new Date(iso).getTime() - (now || Date.now())) / 60000);
    if (minutes <= 0) { return 'expired'; }
    if (minutes < 60) { return 'expires in ' + plural(minutes, 'minute'); }
    var hours = Math.round(minutes / 60);
    if (hours < 48) { return 'expires in ' + plural(hours, 'hour'); }
    return 'expires in ' + plural(Math.round(hours / 24), 'day');
  }

  function size(bytes) {
    var units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
    var value = bytes;
    var unit = 0;
    while (value >= 1000 && unit < units.length - 1) { value /= 1000; unit++; }
    if (unit === 0) { return value === 1 ? '1 byte' : value + ' bytes'; }
    return value.toFixed(value < 10 ? 1 : 0) + ' ' + units[unit];
  }

  var KNOWN = { 'image/jpeg': 'JPEG image', 'image/png': 'PNG image', 'image/heic': 'HEIC photo',
    'application/pdf': 'PDF document', 'video/mp4': 'MP4 video', 'video/quicktime': 'QuickTime video',
    'audio/mpeg': 'MP3 audio', 'text/plain': 'Text file', 'text/csv': 'Spreadsheet (CSV)',
    'application/json': 'JSON file', 'application/zip': 'ZIP archive', 'message/rfc822': 'Email message',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel spreadsheet',
    'application/octet-stream': 'File' };

  function kind(mime) {
    if (!mime) { return 'File'; }
    var base = mime.split(';')[0].trim().toLowerCase();
    if (KNOWN[base]) { return KNOWN[base]; }
    return ({ image: 'Image', video: 'Video', audio: 'Audio recording', text: 'Text file' })[base.split('/')[0]]
      || 'File';
  }

  window.CustosFormat = { localTime: localTime, localDate: localDate, expiresIn: expiresIn, size: size, kind: kind };
}());
